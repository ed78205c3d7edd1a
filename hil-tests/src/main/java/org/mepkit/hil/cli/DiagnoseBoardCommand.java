package org.mepkit.hil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mepkit.bench.Bench;
import org.mepkit.bench.BenchConfig;
import org.mepkit.bench.BoardDiagnosis;
import org.mepkit.bench.ConfiguredBench;
import org.mepkit.bench.VirtualBenchFactory;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.Interrupts;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.Max3232Option;
import org.mepkit.cli.progress.Progress;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.option.Renamed;
import org.mepkit.diag.ChipDiagnosis;
import org.mepkit.diag.DiagnosisReport;
import org.mepkit.report.ReportInfo;
import org.mepkit.serial.SerialException;
import org.mepkit.sim.max3232.Max3232Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep diagnose board}: the MAX3232 verdict of an assembled board, measured from the meter side. */
@Command(name = "board", mixinStandardHelpOptions = true,
        description = {"Diagnose the MAX3232 of an assembled board from its MEP port.",
                "The host plays a silent meter and counts good and bad power-ups (forced by the bench's reset/power control, "
                        + "or by waiting for the firmware's own power cycle). Same verdict and interval as 'mep diagnose chip'.",
                "Without --config it diagnoses a virtual board (--max3232)."})
public final class DiagnoseBoardCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Bench description (YAML), as for 'mep bench'.")
    Path config;

    @Option(names = "--max3232", paramLabel = "PROFILE", defaultValue = "flaky", description = "The virtual board's MAX3232: genuine, flaky, bad or dead (default: ${DEFAULT-VALUE}).")
    String max3232;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "60", description = "At most this many power-ups (default: ${DEFAULT-VALUE}).")
    int maxTrials;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the virtual MAX3232's power-ups (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path reportDir = Path.of("mep-diagnose-board");

    @Option(names = "--report-dir", hidden = true, paramLabel = "DIR")
    void oldReportDir(Path dir) {
        Renamed.note(spec, "--report-dir", "--out");
        reportDir = dir;
    }

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        if (maxTrials < 1) throw new MepException(ExitCodes.USAGE, "--trials must be at least 1");
        BoardDiagnosis d;
        String board;
        String firmware;
        try (Bench bench = openBench()) {
            board = bench.name();
            firmware = bench.twin().isPresent() ? bench.firmware() + " model (virtual board)" : "as flashed on the board (" + bench.firmware() + ")";
            try (Progress bar = Progress.stderr(spec, "diagnose board")) {
                int[] haywire = {0};
                d = BoardDiagnosis.run(bench, maxTrials, t -> {
                    if (t.outcome().haywire()) haywire[0]++;
                    bar.update(t.index(), maxTrials, "haywire " + haywire[0]);
                });
            }
        } catch (SerialException e) {
            throw new MepException(ExitCodes.PORT, e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        writeReport(d, ReportInfo.now(board, firmware), reportDir);
        if (output.json()) {
            OutputOptions.printJson(out, json(d, board, reportDir));
        } else {
            print(out, d, reportDir);
        }
        out.flush();
        return exitCode(d, reportDir);
    }

    /** 0 when the chip's verdict stands and is usable; 1 for a bad chip or no verdict; 130 / 4 when cut short. */
    static int exitCode(BoardDiagnosis d, Path reportDir) {
        ChipDiagnosis.Result r = d.chip();
        if (r.fault() == ChipDiagnosis.Fault.INTERRUPTED) {
            throw new MepException(ExitCodes.INTERRUPTED, "diagnosis interrupted after " + r.trials().size()
                    + " power-up(s); partial report in " + reportDir);
        }
        if (r.abortedBy() != null) {
            throw new MepException(ExitCodes.PORT, "diagnosis cut short after " + r.trials().size() + " power-up(s): " + r.abortedBy());
        }
        return d.passed() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
    }

    private Bench openBench() {
        try {
            if (config == null) {
                Max3232Profile profile = Max3232Option.profile(max3232);
                // one board: its folder goes when the bench closes, the factory's empty root with the process
                return VirtualBenchFactory.defaults(profile, 20, seed).open();
            }
            return ConfiguredBench.from(BenchConfig.read(config), config.toAbsolutePath().getParent());
        } catch (IOException e) {
            if (config == null) throw new MepException(ExitCodes.TOOL, "cannot set up the virtual board: " + BenchCommand.oneLine(e.getMessage()));
            throw BenchCommand.configError(config, e);
        }
    }

    /** The chip diagnosis's JSON (as {@code mep diagnose chip --json}) plus what the console told of the firmware. */
    static Map<String, Object> json(BoardDiagnosis d, String board, Path reportDir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("board", board);
        m.put("passed", d.passed());
        m.put("firmware", Map.of("state", d.firmware().state().name().toLowerCase(Locale.ROOT), "detail", d.firmware().describe()));
        m.put("verdict_withheld", d.withheld());
        m.putAll(DiagnosisReport.json(d.chip()));
        m.put("report_dir", reportDir.toString());
        return m;
    }

    static void print(PrintWriter out, BoardDiagnosis d, Path reportDir) {
        ChipDiagnosis.Result r = d.chip();
        out.println("MAX3232 diagnosis: " + r.jig());
        out.println("firmware: " + d.firmware().describe());
        if (d.withheld() != null) {
            out.println("verdict: none for the MAX3232: " + d.withheld());
        } else if (r.verdict() == null) {
            out.println("verdict: none (no power-up completed)");
        } else {
            out.printf(Locale.ROOT, "verdict: %s (%s after %d power-ups): %s%n", r.verdict(),
                    r.converged() ? String.format(Locale.ROOT, "%.0f %% posterior", 100 * r.confidence()) : "not converged, most probable",
                    r.trials().size(), r.verdict().advice());
        }
        if (!r.trials().isEmpty()) {
            out.printf(Locale.ROOT, "haywire: %d of %d power-ups = %.1f %% (95 %% Wilson interval %.1f-%.1f %%)%n",
                    r.haywire(), r.trials().size(), 100 * r.haywireRate(),
                    100 * r.haywireInterval().lower(), 100 * r.haywireInterval().upper());
        }
        out.println("report: " + reportDir.resolve("index.html"));
    }

    static void writeReport(BoardDiagnosis d, ReportInfo info, Path dir) {
        Interrupts.clearForPartialResults();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("trials.svg"), DiagnosisReport.svg(d.chip()));
            Files.writeString(dir.resolve("index.html"), DiagnosisReport.html(d.chip(), info, "trials.svg", d.withheld()));
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot write the report to " + dir + ": " + e.getMessage());
        }
    }
}
