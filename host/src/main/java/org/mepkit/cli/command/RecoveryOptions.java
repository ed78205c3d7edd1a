package org.mepkit.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.mep.client.ClientTimings;
import org.mepkit.mep.client.LinkListener;
import org.mepkit.power.OutputLine;
import org.mepkit.power.PowerException;
import org.mepkit.power.ProcessLauncher;
import org.mepkit.recovery.MeterLinkRecovery;
import org.mepkit.recovery.RecoveryEvent;
import org.mepkit.recovery.RecoveryMachine;
import org.mepkit.recovery.RecoveryPolicy;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.SystemTicker;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --power}, {@code --enable}, {@code --recovery}: lets a meter command power-cycle the
 * MAX3232 when the link fails. Without {@code --power} nothing changes.
 */
public final class RecoveryOptions {

    @Option(names = "--power", paramLabel = "SWITCH",
            description = "Recover a misbehaving MAX3232 by switching its VCC: dtr, rts or gpiod:CHIP:LINE (default: no recovery).")
    String power;

    @Option(names = "--power-inverted", description = "The VCC switch is on when its line is inactive.")
    boolean powerInverted;

    @Option(names = "--enable", paramLabel = "SWITCH",
            description = "Line driving the meter's ENABLE through the MAX3232 (dtr, rts or gpiod:CHIP:LINE; default: not switched).")
    String enable;

    @Option(names = "--recovery-log", paramLabel = "FILE",
            description = "With --power: write every recovery event (power, ENABLE, probe...) to FILE as JSON lines.")
    Path recoveryLog;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--recovery", paramLabel = "PROFILE", defaultValue = "default",
            description = "Recovery profile with --power: default or legacy (default: ${DEFAULT-VALUE}).")
    String profile;

    /** The listener to give the client, and the lines to release afterwards. */
    public static final class Attachment implements AutoCloseable {
        private final LinkListener listener;
        private final MeterLinkRecovery recovery;
        private final List<OutputLine> lines;
        private final PrintWriter log;

        Attachment(LinkListener listener, MeterLinkRecovery recovery, List<OutputLine> lines, PrintWriter log) {
            this.listener = listener;
            this.recovery = recovery;
            this.lines = lines;
            this.log = log;
        }

        public LinkListener listener() {
            return listener;
        }

        /** Null without {@code --power}. */
        public MeterLinkRecovery recovery() {
            return recovery;
        }

        @Override
        public void close() throws Exception {
            if (log != null) log.close();
            for (OutputLine line : lines) {
                if (line instanceof AutoCloseable c) c.close();
            }
        }
    }

    public boolean enabled() {
        return power != null;
    }

    RecoveryPolicy policy() {
        try {
            return RecoveryPolicy.named(profile);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, "--recovery: " + e.getMessage());
        }
    }

    /** With recovery the client needs room for the power cycles: one more attempt than the policy's cycles. */
    public ClientTimings timings(ClientTimings base) {
        if (!enabled()) return base;
        return base.withMaxAttempts(Math.max(base.maxAttempts(), policy().maxCycles() + 1));
    }

    /**
     * Without {@code --power}: {@code base} unchanged. With it: builds the lines, powers the MAX3232 up
     * (as at boot) and returns {@code base} plus the recovery listener.
     */
    public Attachment attach(SerialLine line, LinkListener base, ProcessLauncher launcher) throws InterruptedException {
        if (!enabled()) {
            if (enable != null || powerInverted || recoveryLog != null) {
                throw new MepException(ExitCodes.USAGE, "--enable, --power-inverted and --recovery-log need --power");
            }
            return new Attachment(base, null, List.of(), null);
        }
        if (power.equalsIgnoreCase(enable == null ? "" : enable)) {
            throw new MepException(ExitCodes.USAGE, "--power and --enable cannot be the same line (" + power + ")");
        }
        RecoveryPolicy policy = policy();
        List<OutputLine> lines = new ArrayList<>();
        OutputLine supply = PowerSwitches.parse(power, line, powerInverted, launcher);
        lines.add(supply);
        OutputLine enableLine = enable == null ? NOT_SWITCHED : PowerSwitches.parse(enable, line, false, launcher);
        lines.add(enableLine);
        PrintWriter log = openLog();
        PrintWriter err = mixee.commandLine().getErr();
        long origin = SystemTicker.INSTANCE.nanoTime();
        Consumer<RecoveryEvent> events = e -> {
            RecoveryEvent rel = new RecoveryEvent(e.atNanos() - origin, e.kind(), e.state(), e.cycle(), e.detail());
            if (log != null) OutputOptions.printJson(log, rel.toJson());
            if (e.episodeLevel()) {
                err.println("mep: recovery: " + rel);
                err.flush();
            }
        };
        RecoveryMachine machine = new RecoveryMachine(policy, line.settings(), supply, enableLine, SystemTicker.INSTANCE, events);
        MeterLinkRecovery recovery = new MeterLinkRecovery(machine, SystemTicker.INSTANCE);
        try {
            recovery.start();
        } catch (PowerException e) {
            throw new MepException(ExitCodes.TOOL, "cannot power the MAX3232 up: " + e.getMessage(), e);
        }
        return new Attachment(LinkListener.all(base, recovery), recovery, lines, log);
    }

    private PrintWriter openLog() {
        if (recoveryLog == null) return null;
        try {
            return new PrintWriter(Files.newBufferedWriter(recoveryLog), true);
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot write the recovery log " + recoveryLog + ": " + e.getMessage(), e);
        }
    }

    private static final OutputLine NOT_SWITCHED = OutputLine.unswitched("ENABLE (not switched)");
}
