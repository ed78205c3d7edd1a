package org.mepkit.bench;

import java.util.List;
import java.util.function.Consumer;
import org.mepkit.diag.ChipDiagnosis;
import org.mepkit.diag.SequentialTest;
import org.mepkit.diag.Trial;
import org.mepkit.diag.TrialOutcome;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/**
 * The MAX3232 diagnosis of an assembled board ({@link BoardJig} trials from the meter side) together with what
 * the board's console showed meanwhile. The chip's verdict stands only when the firmware is known to run: its
 * console showed it, or the meter side received the firmware's request at least once. Otherwise every power-up
 * failed for a reason that is not the chip (blank flash, boot loop, no console) and the diagnosis says that
 * instead of blaming the MAX3232.
 */
public record BoardDiagnosis(ChipDiagnosis.Result chip, FirmwareEvidence firmware) {

    /** Runs up to {@code maxTrials} power-ups on the bench, reading its console meanwhile. */
    public static BoardDiagnosis run(Bench bench, int maxTrials, Consumer<Trial> progress) throws SerialException {
        try (SerialLine meterSide = bench.openMeterSide()) {
            ConsoleMonitor console;
            try {
                console = new ConsoleMonitor(bench.openConsole(), () -> 0L, bench.timeScale());
            } catch (SerialException e) {
                ChipDiagnosis.Result r = ChipDiagnosis.run(new BoardJig(bench, meterSide), maxTrials, SequentialTest.standard(), progress);
                return new BoardDiagnosis(r, new FirmwareEvidence(FirmwareEvidence.State.NO_CONSOLE, "cannot open it: " + e.getMessage()));
            }
            try (console) {
                ChipDiagnosis.Result r = ChipDiagnosis.run(new BoardJig(bench, meterSide), maxTrials, SequentialTest.standard(), progress);
                List<String> lines = console.lines().stream().map(ConsoleMonitor.Line::text).toList();
                return new BoardDiagnosis(r, FirmwareEvidence.of(lines));
            }
        }
    }

    /** The firmware is known to run: from its console, or because its request reached the meter side intact in length. */
    public boolean firmwareKnownToRun() {
        return firmware.firmwareRuns() || chip.trials().stream()
                .anyMatch(t -> t.outcome() == TrialOutcome.GOOD || t.outcome() == TrialOutcome.BIT_ERRORS);
    }

    /** Why there is no MAX3232 verdict, or null when the chip's verdict stands. */
    public String withheld() {
        if (firmwareKnownToRun() || chip.trials().isEmpty()) return null;
        return "No MAX3232 verdict: " + firmware.describe() + ". Every power-up failed for that reason whatever the chip;"
                + " flash the board or fix its boot, then diagnose again.";
    }

    /** The chip's verdict is usable (GOOD, FLAKY) and stands. */
    public boolean passed() {
        return withheld() == null && chip.verdict() != null && chip.verdict().usable();
    }

    /** One line for summaries. */
    public String summary() {
        if (withheld() != null) return "no MAX3232 verdict: " + firmware.describe();
        if (chip.verdict() == null) return "no power-up completed" + (chip.abortedBy() == null ? "" : ": " + chip.abortedBy());
        return String.format(java.util.Locale.ROOT, "%s after %d power-ups, haywire %.1f %% (95 %% Wilson %.1f-%.1f %%)",
                chip.verdict(), chip.trials().size(), 100 * chip.haywireRate(),
                100 * chip.haywireInterval().lower(), 100 * chip.haywireInterval().upper());
    }
}
