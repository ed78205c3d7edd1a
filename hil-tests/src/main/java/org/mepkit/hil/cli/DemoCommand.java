package org.mepkit.hil.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mepkit.bench.Bench;
import org.mepkit.bench.VirtualBenchFactory;
import org.mepkit.board.BoardOptions;
import org.mepkit.board.VirtualBoard;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.progress.Progress;
import org.mepkit.cli.option.Max3232Option;
import org.mepkit.bench.BoardDiagnosis;
import org.mepkit.cli.Interrupts;
import org.mepkit.diag.ChipDiagnosis;
import org.mepkit.hil.run.TestOutcome;
import org.mepkit.report.ReportInfo;
import org.mepkit.esptool.Esptool;
import org.mepkit.esptool.EsptoolException;
import org.mepkit.esptool.EsptoolLocator;
import org.mepkit.hil.run.ReportWriter;
import org.mepkit.hil.run.SuiteResult;
import org.mepkit.hil.run.SuiteRunner;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.util.Folders;
import org.mepkit.util.Scratch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep demo}: flash and provision a virtual board with a flaky MAX3232, run the bench and a board diagnosis. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Flash a virtual board (flaky MAX3232), run the HIL bench and a board diagnosis.",
                "Starts a virtual ESP32-MEP board, flashes it (real esptool when found, else the images go straight into "
                        + "the virtual flash), provisions its NVS, runs the HIL bench against it with the host playing the meter, "
                        + "diagnoses its MAX3232, and prints a summary; one index.html links the reports.",
                "Exit 0 when the bench passed and the MAX3232 is usable, 1 when a step failed, 130 on Ctrl-C "
                        + "(the reports of what finished are kept)."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "mep-demo", description = "Where the reports go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7", description = "Seed of the virtual MAX3232's power-ups (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max3232", paramLabel = "PROFILE", defaultValue = "flaky", description = "The virtual board's MAX3232: genuine, flaky, bad or dead (default: ${DEFAULT-VALUE}).")
    String max3232;

    @Option(names = "--esptool", paramLabel = "PATH", description = "The esptool to run (else $ESPTOOL, PATH, python3 -m esptool, Arduino core, PlatformIO; none: the images go straight into the virtual flash).")
    String esptoolPath;

    @Mixin
    OutputOptions output;

    EsptoolLocator locator = EsptoolLocator.system();

    @Override
    public Integer call() throws Exception {
        // with --json the step lines are progress: stderr, so stdout holds the one object of the summary
        PrintWriter o = output.json() ? spec.commandLine().getErr() : spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Max3232Profile profile = Max3232Option.profile(max3232);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new MepException(ExitCodes.USAGE, "--out " + out + " is a file; the reports go into a folder");
        }
        Files.createDirectories(out);
        try (Scratch scratch = Scratch.create("demo"); VirtualBenchFactory factory = VirtualBenchFactory.defaults(profile, 20, seed)) {
            return demo(o, t0, profile, scratch.dir(), factory);
        }
    }

    private int demo(PrintWriter o, long t0, Max3232Profile profile, Path work, VirtualBenchFactory factory) throws Exception {
        Path flashFile = out.resolve("virtual-flash.bin");
        Files.deleteIfExists(flashFile);
        String boardName = "virtual ESP32-MEP board, " + profile.name() + " MAX3232 (seed " + seed + ")";
        DemoIndex index = new DemoIndex(out.resolve("index.html"), ReportInfo.now(boardName, factory.firmware()));

        o.println("1/4 virtual ESP32-MEP board, " + profile.name() + " MAX3232 (seed " + seed + ")");
        Optional<Esptool> esptool = locateEsptool(o);
        DemoFlasher.Result flashed;
        try (VirtualBoard board = VirtualBoard.create(new BoardOptions(work.resolve("board"), 20, profile, seed, flashFile))) {
            o.println("    console " + board.consolePath() + ", meter side " + board.meterPath());
            o.println("2/4 flash + provision (bootloader 0x1000, partition table 0x8000, NVS 0x9000, dabbler app 0x10000)");
            o.flush();
            DemoFlasher flasher = new DemoFlasher(board, work, out.resolve("boot-logs"), VirtualBenchFactory.DEFAULT_NVS);
            flashed = esptool.isPresent() ? flasher.withEsptool(esptool.get(), o) : flasher.straightIntoFlash();
            o.println("    " + flashed.summary());
            flashed.esptoolTail().forEach(l -> o.println("    esptool: " + l));
            board.flash().flush();
        } catch (MepException e) {
            stopped(index, "flash + provision", e, o);
            throw e;
        } finally {
            Folders.deleteTree(work); // the NVS image in it holds the provisioned secrets: gone as soon as it is flashed
        }
        String bootCheck = flashed.bootVerdict() + (flashed.bootPassed() ? "" : " (FAILED)")
                + (flashed.bootLogFile() == null ? "" : ", boot log (redacted): " + flashed.bootLogFile());
        o.println("    boot check: " + bootCheck);
        String bootLog = flashed.bootLogFile() == null ? null : out.toAbsolutePath().relativize(flashed.bootLogFile().toAbsolutePath()).toString();
        index.step("flash + provision", flashed.passed() ? DemoIndex.State.OK : DemoIndex.State.FAILED,
                flashed.summary() + "; boot check: " + flashed.bootVerdict(), "boot log (redacted)", bootLog,
                "esptool output", flashed.esptoolUsed() ? "boot-logs/esptool.log" : null);
        if (!flashed.passed()) {
            String why = !flashed.onTarget() ? "the board was not flashed" : "the flashed board did not boot (" + flashed.bootVerdict() + ")";
            index.step("HIL bench", DemoIndex.State.NOT_RUN, "not run: " + why);
            index.step("MAX3232 diagnosis", DemoIndex.State.NOT_RUN, "not run: " + why);
            index.write("FAILED: " + why + "; bench and diagnosis not run", DemoIndex.State.FAILED);
            summary(o, profile, flashed.summary(), bootCheck, "not run: " + why, List.of(), "not run", index, t0, false);
            return ExitCodes.VERDICT_FAILED;
        }
        factory.fromFlash(flashFile);

        o.println("3/4 HIL bench (the host plays the meter; board clock x20)");
        o.flush();
        try {
            SuiteRunner.checkBench(factory);
        } catch (SuiteRunner.BenchSetupException e) {
            MepException error = BenchCommand.benchSetupError(e);
            stopped(index, "HIL bench", error, o);
            throw error;
        }
        Path benchDir = Files.createDirectories(out.resolve("bench"));
        SuiteResult suite = SuiteRunner.run(factory, List.of(), o, benchDir.resolve("TEST-mep-bench.xml"));
        ReportWriter.html(suite, benchDir.resolve("report.html"));
        index.step("HIL bench", suite.interrupted() ? DemoIndex.State.INTERRUPTED : suite.passed() ? DemoIndex.State.OK : DemoIndex.State.FAILED,
                suite.summaryLine(), "report", "bench/report.html", "JUnit XML", "bench/TEST-mep-bench.xml");
        List<String> notPassed = suite.tests().stream().filter(t -> t.status() != TestOutcome.Status.PASSED)
                .map(t -> t.status().label() + " " + t.group() + ": " + t.name() + (t.message().isEmpty() ? "" : " - " + t.message()))
                .toList();
        if (suite.interrupted()) {
            index.step("MAX3232 diagnosis", DemoIndex.State.NOT_RUN, "not run: interrupted");
            index.write("INTERRUPTED (Ctrl-C) during the bench: " + suite.summaryLine(), DemoIndex.State.INTERRUPTED);
            summary(o, profile, flashed.summary(), bootCheck, suite.summaryLine(), notPassed, "not run: interrupted", index, t0, false);
            throw new MepException(ExitCodes.INTERRUPTED, "demo interrupted during the bench; partial reports in " + out);
        }

        o.println("4/4 MAX3232 diagnosis from the meter side (power-ups forced by the bench's power control)");
        o.flush();
        BoardDiagnosis diagnosis;
        try (Bench bench = factory.open(); Progress bar = Progress.stderr(spec, "demo diagnosis")) {
            diagnosis = BoardDiagnosis.run(bench, 60, t -> bar.update(t.index(), 60, "power-ups"));
        }
        Path diagDir = out.resolve("diagnosis");
        DiagnoseBoardCommand.writeReport(diagnosis, ReportInfo.now(boardName, factory.firmware()), diagDir);
        boolean interrupted = diagnosis.chip().fault() == ChipDiagnosis.Fault.INTERRUPTED;
        index.step("MAX3232 diagnosis", interrupted ? DemoIndex.State.INTERRUPTED : diagnosis.passed() ? DemoIndex.State.OK : DemoIndex.State.FAILED,
                diagnosis.summary(), "report", "diagnosis/index.html", "plot", "diagnosis/trials.svg");
        boolean passed = suite.passed() && diagnosis.passed();
        index.write(interrupted ? "INTERRUPTED (Ctrl-C) during the diagnosis"
                        : passed ? "PASSED: flashed, bench passed, MAX3232 " + diagnosis.chip().verdict()
                        : "FAILED: " + (suite.passed() ? "" : "bench: " + suite.summaryLine() + "; ") + "diagnosis: " + diagnosis.summary(),
                interrupted ? DemoIndex.State.INTERRUPTED : passed ? DemoIndex.State.OK : DemoIndex.State.FAILED);
        summary(o, profile, flashed.summary(), bootCheck, suite.summaryLine(), notPassed, diagnosis.summary(), index, t0, passed);
        if (interrupted) throw new MepException(ExitCodes.INTERRUPTED, "demo interrupted during the diagnosis; partial reports in " + out);
        return passed ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
    }

    private void summary(PrintWriter o, Max3232Profile profile, String flashing, String boot, String bench,
                         List<String> notPassed, String diagnosis, DemoIndex index, long t0, boolean passed) {
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("passed", passed);
            m.put("board", "virtual ESP32-MEP, dabbler firmware model, " + profile.name() + " MAX3232");
            m.put("flashing", flashing);
            m.put("boot", boot);
            m.put("bench", bench);
            m.put("not_passed", notPassed);
            m.put("diagnosis", diagnosis);
            m.put("report", index.file().toAbsolutePath().toString());
            m.put("time_s", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
            OutputOptions.printJson(spec.commandLine().getOut(), m);
        }
        o.println();
        o.println("== mep demo summary ==");
        o.println("board:     virtual ESP32-MEP, dabbler firmware model, " + profile.name() + " MAX3232");
        o.println("flashing:  " + flashing);
        o.println("boot:      " + boot);
        o.println("bench:     " + bench);
        notPassed.forEach(t -> o.println("           " + t));
        o.println("diagnosis: " + diagnosis);
        o.println("report:    " + index.file().toAbsolutePath());
        o.printf(Locale.ROOT, "time:      %.1f s%n", (System.nanoTime() - t0) / 1e9);
        o.flush();
    }

    /** A step ended the demo with an error: the index says where and why before the error is reported. */
    private static void stopped(DemoIndex index, String step, MepException e, PrintWriter o) {
        boolean interrupted = e.exitCode() == ExitCodes.INTERRUPTED || Interrupts.requested();
        Interrupts.clearForPartialResults();
        index.step(step, interrupted ? DemoIndex.State.INTERRUPTED : DemoIndex.State.FAILED, e.getMessage());
        try {
            index.write((interrupted ? "INTERRUPTED during " : "FAILED at ") + step + ": " + e.getMessage(),
                    interrupted ? DemoIndex.State.INTERRUPTED : DemoIndex.State.FAILED);
            o.println("report:    " + index.file().toAbsolutePath());
            o.flush();
        } catch (java.io.IOException io) {
            // the error itself is what the user needs to see
        }
    }

    /** The flasher's locator ({@code --esptool}, {@code $ESPTOOL}, PATH, python3 -m esptool, Arduino, PlatformIO). */
    private Optional<Esptool> locateEsptool(PrintWriter o) throws InterruptedException {
        try {
            return Optional.of(locator.locate(esptoolPath));
        } catch (EsptoolException e) {
            if (esptoolPath != null || (System.getenv("ESPTOOL") != null && !System.getenv("ESPTOOL").isBlank())) {
                throw new MepException(e.problem().exitCode(), e.actionableMessage());
            }
            o.println("    " + e.getMessage());
            return Optional.empty();
        }
    }
}
