package org.mepkit.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.Interrupts;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.DurationConverter;
import org.mepkit.cli.option.Max3232Option;
import org.mepkit.cli.option.Renamed;
import org.mepkit.cli.progress.Progress;
import org.mepkit.cli.option.KeyOptions;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.diag.ChipDiagnosis;
import org.mepkit.diag.DiagnosisReport;
import org.mepkit.diag.Jig;
import org.mepkit.diag.LoopbackJig;
import org.mepkit.diag.MeterProbeJig;
import org.mepkit.diag.SequentialTest;
import org.mepkit.diag.Trial;
import org.mepkit.diag.TrialTiming;
import org.mepkit.diag.VirtualJig;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.power.OutputLine;
import org.mepkit.power.PowerException;
import org.mepkit.power.ProcessLauncher;
import org.mepkit.power.SystemProcessLauncher;
import org.mepkit.report.ReportInfo;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortOpener;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.Ports;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.time.SystemTicker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep diagnose chip}: sorts MAX3232s into GOOD / FLAKY / BAD / DEAD by power-up trials on a jig. */
@Command(name = "chip", mixinStandardHelpOptions = true,
        description = {"Sort MAX3232s into GOOD / FLAKY / BAD / DEAD by power-up trials.",
                "The host switches the chip's VCC; a loopback jumper T1OUT-R1IN (--loopback) or a meter behind the chip "
                        + "(--meter) answers. Stops when a sequential test reaches 99%% posterior or after --trials. "
                        + "Writes report.json, trials.svg and index.html to --out. Wiring: docs/jig-wiring.md."},
        footer = {"", "Examples:",
                "  mep diagnose chip --max3232 flaky --seed 3",
                "  mep diagnose chip --port /dev/ttyUSB0 --power dtr",
                "  mep diagnose chip --port /dev/serial0 --power gpiod:gpiochip0:17 \\",
                "      --power-inverted",
                "  mep diagnose chip --port /dev/ttyUSB0 --power dtr --enable rts --meter \\",
                "      --key-file mbk.txt",
                "",
                "Exit codes:",
                "  0    GOOD or FLAKY",
                "  1    BAD or DEAD",
                "  2    contradictory or missing options",
                "  4    port missing, busy, or gone mid-run (partial report kept)",
                "  6    the meter refused every probe (wrong key?)",
                "  7    no power switch (no DTR/RTS on the port, gpioset missing)",
                "       or the power line failed (partial report kept)",
                "  130  interrupted"})
public final class DiagnoseChipCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--max3232", paramLabel = "PROFILE", description = "Diagnose the fault model instead of a jig: genuine, flaky, bad, dead.")
    String virtual;

    @Option(names = "--virtual", hidden = true, paramLabel = "PROFILE")
    void oldVirtual(String profile) {
        Renamed.note(spec, "--virtual", "--max3232");
        virtual = profile;
    }

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the fault model (with --max3232; default 1).")
    Long seed;

    @Option(names = "--port", paramLabel = "PORT", description = "Serial port on the MAX3232's TTL side (never guessed).")
    String port;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "9600", description = "Line speed (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--power", paramLabel = "SWITCH", description = "The MAX3232's VCC switch: gpiod:CHIP:LINE, dtr or rts.")
    String power;

    @Option(names = "--power-inverted", description = "The switch turns VCC on when the line is inactive (e.g. PNP on DTR).")
    boolean powerInverted;

    @Option(names = "--loopback", description = "Probe with a test pattern through a loopback jumper T1OUT-R1IN (the default).")
    boolean loopback;

    @Option(names = "--meter", description = "Probe a meter behind the chip with a cheap MEP read (needs the key: --key-file, --key or MEP_KEY).")
    boolean meter;

    @Option(names = "--enable", paramLabel = "SWITCH", description = "With --meter: the line driving the meter's ENABLE through the chip (dtr, rts or gpiod:CHIP:LINE).")
    String enable;

    @Mixin
    KeyOptions key;

    @Option(names = "--trials", paramLabel = "N", description = "Stop after this many power-ups (default ${DEFAULT-VALUE}).")
    int maxTrials = 60;

    @Option(names = "--max-trials", hidden = true, paramLabel = "N")
    void oldMaxTrials(int n) {
        Renamed.note(spec, "--max-trials", "--trials");
        maxTrials = n;
    }

    @Option(names = "--cool-off", paramLabel = "DURATION", defaultValue = "2s",
            description = "MAX3232 off time before each power-up (default ${DEFAULT-VALUE}: lets a hot fake cool); a bare number is ms.")
    String coolOff;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Where report.json, trials.svg and index.html go (default ${DEFAULT-VALUE}).")
    Path reportDir = Path.of("mep-chip-report");

    @Option(names = "--report-dir", hidden = true, paramLabel = "DIR")
    void oldReportDir(Path dir) {
        Renamed.note(spec, "--report-dir", "--out");
        reportDir = dir;
    }

    private static final OutputLine UNSWITCHED = OutputLine.unswitched("not switched");

    private final PortOpener opener;
    private final ProcessLauncher launcher;
    private boolean authRefusedEveryTrial;

    public DiagnoseChipCommand() {
        this(Ports.OPENER, new SystemProcessLauncher());
    }

    DiagnoseChipCommand(PortOpener opener, ProcessLauncher launcher) {
        this.opener = opener;
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws Exception {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        ChipDiagnosis.Result result;
        try (Progress bar = Progress.stderr(spec, "diagnose chip")) {
            result = diagnose(new TrialProgress(bar, maxTrials));
        }
        Map<String, Object> json = DiagnosisReport.json(result);
        json.put("report_dir", writeReport(result).toString());
        if (output.json()) {
            OutputOptions.printJson(out, json);
        } else {
            printText(out, result);
        }
        out.flush();
        if (authRefusedEveryTrial) {
            throw new MepException(ExitCodes.AUTHENTICATION, "the meter refused every probe (0x0B): wrong MBK key? (report in " + reportDir + ")");
        }
        if (result.abortedBy() != null) {
            int code = switch (result.fault()) {
                case POWER -> ExitCodes.TOOL;
                case INTERRUPTED -> ExitCodes.INTERRUPTED;
                default -> ExitCodes.PORT;
            };
            throw new MepException(code, "diagnosis cut short after " + result.trials().size() + " trial(s): "
                    + result.abortedBy() + " (partial report in " + reportDir + ")");
        }
        return result.verdict().usable() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
    }

    private ChipDiagnosis.Result diagnose(TrialProgress progress) throws Exception {
        if (virtual != null) {
            Jig jig = new VirtualJig(Max3232Profile.named(virtual), seed == null ? 1 : seed, timing(), LineSettings.MEP.withBaud(baud));
            return ChipDiagnosis.run(jig, maxTrials, SequentialTest.standard(), progress::update);
        }
        try (SerialLine line = opener.open(port, LineSettings.MEP.withBaud(baud))) {
            MbkKey mbk = meter ? key.key() : null;
            OutputLine supply = PowerSwitches.parse(power, line, powerInverted, launcher);
            OutputLine enableLine = enable == null ? null : PowerSwitches.parse(enable, line, false, launcher);
            try {
                if (meter) {
                    MeterProbeJig jig = new MeterProbeJig(line, supply, enableLine == null ? UNSWITCHED : enableLine, mbk,
                            SystemTicker.INSTANCE, timing(), MeterProbeJig.timings(Duration.ofSeconds(1)));
                    ChipDiagnosis.Result result = ChipDiagnosis.run(jig, maxTrials, SequentialTest.standard(), progress::update);
                    authRefusedEveryTrial = !result.trials().isEmpty() && jig.authRefusals() == result.trials().size();
                    return result;
                }
                Jig jig = new LoopbackJig(line, supply, SystemTicker.INSTANCE, timing());
                return ChipDiagnosis.run(jig, maxTrials, SequentialTest.standard(), progress::update);
            } finally {
                powerDown(supply, enableLine);
                if (supply instanceof AutoCloseable closeable) closeable.close();
                if (enableLine instanceof AutoCloseable closeable) closeable.close();
            }
        }
    }

    /** Leaves the chip unpowered so it can be swapped; a line that is gone already cannot be helped. */
    private static void powerDown(OutputLine supply, OutputLine enableLine) {
        try {
            if (enableLine != null) enableLine.set(false);
            supply.set(false);
        } catch (PowerException e) {
            // the run's own result already says what went wrong with the line
        }
    }

    private TrialTiming timing() {
        TrialTiming std = TrialTiming.STANDARD;
        return new TrialTiming(coolOff(), std.settle(), std.patternBytes(), std.replyGrace());
    }

    private Duration coolOff() {
        try {
            return DurationConverter.parse(coolOff, ChronoUnit.MILLIS);
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw new MepException(ExitCodes.USAGE, "--cool-off: " + e.getMessage());
        }
    }

    private void checkOptions() {
        if (virtual != null && (port != null || power != null)) {
            throw new MepException(ExitCodes.USAGE, "--max3232 diagnoses the fault model; it cannot be combined with --port or --power");
        }
        if (virtual == null && seed != null) throw new MepException(ExitCodes.USAGE, "--seed needs --max3232");
        if (virtual == null && port == null) throw new MepException(ExitCodes.USAGE, "give --port PORT --power SWITCH for a jig, or --max3232 PROFILE");
        if (port != null && power == null) throw new MepException(ExitCodes.USAGE, "--port needs --power dtr|rts|gpiod:CHIP:LINE: the diagnosis must switch the MAX3232");
        if (loopback && meter) throw new MepException(ExitCodes.USAGE, "choose --loopback or --meter, not both");
        if (virtual != null && meter) throw new MepException(ExitCodes.USAGE, "--max3232 runs use the loopback probe; --meter needs a jig (--port)");
        if (enable != null && !meter) throw new MepException(ExitCodes.USAGE, "--enable is for --meter (a loopback jig has no ENABLE)");
        if (enable != null && enable.equalsIgnoreCase(power)) throw new MepException(ExitCodes.USAGE, "--power and --enable cannot be the same line");
        if (maxTrials < 1 || maxTrials > 10_000) throw new MepException(ExitCodes.USAGE, "--trials must be 1..10000");
        if (coolOff().compareTo(Duration.ofMinutes(10)) > 0) throw new MepException(ExitCodes.USAGE, "--cool-off must be at most 10m");
        if (baud <= 0) throw new MepException(ExitCodes.USAGE, "--baud must be positive");
        if (virtual != null) Max3232Option.profile(virtual);
    }

    private Path writeReport(ChipDiagnosis.Result result) {
        Interrupts.clearForPartialResults();
        try {
            Files.createDirectories(reportDir);
            OutputOptions.printJson(new PrintWriter(Files.newBufferedWriter(reportDir.resolve("report.json")), true),
                    DiagnosisReport.json(result));
            Files.writeString(reportDir.resolve("trials.svg"), DiagnosisReport.svg(result));
            ReportInfo info = ReportInfo.now(result.jig(), virtual != null ? "none (the MAX3232 fault model, no board)" : "none (a MAX3232 on a jig, no board)");
            Files.writeString(reportDir.resolve("index.html"), DiagnosisReport.html(result, info, "trials.svg", null));
            return reportDir;
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot write the report to " + reportDir + ": " + e.getMessage(), e);
        }
    }

    private void printText(PrintWriter out, ChipDiagnosis.Result r) {
        out.println("MAX3232 diagnosis: " + r.jig());
        if (r.verdict() == null) {
            out.println("verdict: none (no trial completed)");
        } else {
            out.printf(Locale.ROOT, "verdict: %s (%s after %d trials): %s%n", r.verdict(),
                    r.converged() ? String.format(Locale.ROOT, "%.0f %% posterior", 100 * r.confidence()) : "not converged, most probable",
                    r.trials().size(), r.verdict().advice());
            out.printf(Locale.ROOT, "haywire: %d of %d power-ups = %.1f %% (95 %% Wilson interval %.1f-%.1f %%)%n",
                    r.haywire(), r.trials().size(), 100 * r.haywireRate(),
                    100 * r.haywireInterval().lower(), 100 * r.haywireInterval().upper());
        }
        out.println(r.firstGoodNanos() < 0 ? "no good exchange"
                : String.format(Locale.ROOT, "first good exchange after %.2f s", r.firstGoodNanos() / 1e9));
        out.println("report: " + reportDir.resolve("index.html") + " (plot " + reportDir.resolve("trials.svg") + ")");
    }

    /** Counts the haywire power-ups for the progress line. */
    private static final class TrialProgress {
        private final Progress progress;
        private final int max;
        private int haywire;

        TrialProgress(Progress progress, int max) {
            this.progress = progress;
            this.max = max;
        }

        void update(Trial t) {
            if (t.outcome().haywire()) haywire++;
            progress.update(t.index(), max, "haywire " + haywire);
        }
    }
}
