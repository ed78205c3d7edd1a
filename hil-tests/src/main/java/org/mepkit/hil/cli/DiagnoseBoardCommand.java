package org.mepkit.hil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mepkit.bench.Bench;
import org.mepkit.bench.BenchConfig;
import org.mepkit.bench.BoardJig;
import org.mepkit.bench.ConfiguredBench;
import org.mepkit.bench.VirtualBenchFactory;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.Max3232Option;
import org.mepkit.cli.option.Renamed;
import org.mepkit.diag.ChipDiagnosis;
import org.mepkit.diag.DiagnosisReport;
import org.mepkit.diag.SequentialTest;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.sim.max3232.Max3232Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep diagnose board}: the MAX3232 verdict of an assembled board, measured from the meter side. */
@Command(name = "board", mixinStandardHelpOptions = true,
        description = {"Diagnose the MAX3232 of an assembled board from its MEP port.",
                "The host plays a silent meter and counts good and bad power-ups (forced by the bench's reset/power control, or by waiting",
                "for the firmware's own power cycle). Same verdict and interval as 'mep diagnose chip'.",
                "Without --config it diagnoses a virtual board (--max3232)."})
public final class DiagnoseBoardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "bench description (YAML), as for 'mep bench'")
    Path config;

    @Option(names = "--max3232", paramLabel = "PROFILE", defaultValue = "flaky", description = "virtual board: genuine, flaky, bad or dead (default: ${DEFAULT-VALUE})")
    String max3232;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "60", description = "at most this many power-ups (default: ${DEFAULT-VALUE})")
    int maxTrials;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "virtual board: seed of the MAX3232's power-ups (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "report directory (default: ${DEFAULT-VALUE})")
    Path reportDir = Path.of("mep-diagnose-board");

    @Option(names = "--report-dir", hidden = true, paramLabel = "DIR")
    void oldReportDir(Path dir) {
        Renamed.note(spec, "--report-dir", "--out");
        reportDir = dir;
    }

    @Override
    public Integer call() {
        if (maxTrials < 1) throw new MepException(ExitCodes.USAGE, "--trials must be at least 1");
        ChipDiagnosis.Result r;
        try (Bench bench = openBench(); SerialLine meterSide = bench.openMeterSide()) {
            r = diagnose(bench, meterSide, maxTrials);
        } catch (SerialException e) {
            throw new MepException(ExitCodes.PORT, e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        print(out, r, reportDir);
        writeReport(r, reportDir);
        out.flush();
        if (r.abortedBy() != null) {
            throw new MepException(ExitCodes.PORT, "diagnosis cut short after " + r.trials().size() + " power-up(s): " + r.abortedBy());
        }
        return r.verdict() != null && r.verdict().usable() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
    }

    public static ChipDiagnosis.Result diagnose(Bench bench, SerialLine meterSide, int maxTrials) {
        return ChipDiagnosis.run(new BoardJig(bench, meterSide), maxTrials, SequentialTest.standard(), t -> { });
    }

    private Bench openBench() {
        try {
            if (config == null) {
                Max3232Profile profile = Max3232Option.profile(max3232);
                return VirtualBenchFactory.defaults(profile, 20, seed).open();
            }
            return ConfiguredBench.from(BenchConfig.read(config), config.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, BenchCommand.oneLine(e.getMessage()));
        }
    }

    static void print(PrintWriter out, ChipDiagnosis.Result r, Path reportDir) {
        out.println("MAX3232 diagnosis: " + r.jig());
        if (r.verdict() == null) {
            out.println("verdict: none (no power-up completed)");
        } else {
            out.printf(Locale.ROOT, "verdict: %s (%s after %d power-ups): %s%n", r.verdict(),
                    r.converged() ? String.format(Locale.ROOT, "%.0f %% posterior", 100 * r.confidence()) : "not converged, most probable",
                    r.trials().size(), r.verdict().advice());
            out.printf(Locale.ROOT, "haywire: %d of %d power-ups = %.1f %% (95 %% Wilson interval %.1f-%.1f %%)%n",
                    r.haywire(), r.trials().size(), 100 * r.haywireRate(),
                    100 * r.haywireInterval().lower(), 100 * r.haywireInterval().upper());
        }
        out.println("report: " + reportDir.resolve("index.html"));
    }

    static void writeReport(ChipDiagnosis.Result r, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("trials.svg"), DiagnosisReport.svg(r));
            Files.writeString(dir.resolve("index.html"), DiagnosisReport.html(r, "trials.svg"));
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot write the report to " + dir + ": " + e.getMessage());
        }
    }
}
