package org.mepkit.hil.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mepkit.bench.Bench;
import org.mepkit.bench.VirtualBenchFactory;
import org.mepkit.board.BoardOptions;
import org.mepkit.board.VirtualBoard;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.Max3232Option;
import org.mepkit.diag.ChipDiagnosis;
import org.mepkit.esptool.Esptool;
import org.mepkit.esptool.EsptoolException;
import org.mepkit.esptool.EsptoolLocator;
import org.mepkit.hil.run.ReportWriter;
import org.mepkit.hil.run.SuiteResult;
import org.mepkit.hil.run.SuiteRunner;
import org.mepkit.serial.SerialLine;
import org.mepkit.sim.max3232.Max3232Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep demo}: flash and provision a virtual board with a flaky MAX3232, run the bench and a board diagnosis. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Flash a virtual board (flaky MAX3232), run the HIL bench and a board diagnosis.",
                "Starts a virtual ESP32-MEP board, flashes it (real esptool when found, else the images go",
                "straight into the virtual flash), provisions its NVS, runs the HIL bench against it with the host",
                "playing the meter, diagnoses its MAX3232, and prints a summary. Exit 0 when the demo ran to",
                "the end (the bench and diagnosis verdicts are in the summary and reports)."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = "mep-demo", description = "where reports go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "7", description = "seed of the MAX3232's power-ups (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--max3232", paramLabel = "PROFILE", defaultValue = "flaky", description = "genuine, flaky, bad or dead (default: ${DEFAULT-VALUE})")
    String max3232;

    @Option(names = "--esptool", paramLabel = "PATH", description = "the esptool to run (else $ESPTOOL, PATH, python3 -m esptool, Arduino core, PlatformIO; none: images go straight into the virtual flash)")
    String esptoolPath;

    EsptoolLocator locator = EsptoolLocator.system();

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Max3232Profile profile = Max3232Option.profile(max3232);
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("mep-demo-");
        VirtualBenchFactory factory = VirtualBenchFactory.defaults(profile, 20, seed);
        Path flashFile = out.resolve("virtual-flash.bin");
        Files.deleteIfExists(flashFile);

        o.println("1/4 virtual ESP32-MEP board, " + profile.name() + " MAX3232 (seed " + seed + ")");
        Optional<Esptool> esptool = locateEsptool(o);
        String flashedBy;
        String bootCheck;
        try (VirtualBoard board = VirtualBoard.create(new BoardOptions(work.resolve("board"), 20, profile, seed, flashFile))) {
            o.println("    console " + board.consolePath() + ", meter side " + board.meterPath());
            o.println("2/4 flash + provision (bootloader 0x1000, partition table 0x8000, NVS 0x9000, dabbler app 0x10000)");
            o.flush();
            DemoFlasher flasher = new DemoFlasher(board, work, out.resolve("boot-logs"), VirtualBenchFactory.DEFAULT_NVS);
            DemoFlasher.Result flashed = esptool.isPresent()
                    ? flasher.withEsptool(esptool.get(), o)
                    : flasher.straightIntoFlash();
            flashedBy = flashed.summary();
            o.println("    " + flashedBy);
            flashed.esptoolTail().forEach(l -> o.println("    esptool: " + l));
            bootCheck = flashed.bootVerdict() + (flashed.bootPassed() ? "" : " (FAILED)")
                    + (flashed.bootLogFile() == null ? "" : ", boot log (redacted): " + flashed.bootLogFile());
            o.println("    boot check: " + bootCheck);
            board.flash().flush();
        }
        deleteTree(work); // the NVS image in it holds the provisioned secrets
        factory.fromFlash(flashFile);

        o.println("3/4 HIL bench (the host plays the meter; board clock x20)");
        o.flush();
        SuiteResult suite = SuiteRunner.run(factory, List.of(), o);
        Path benchDir = Files.createDirectories(out.resolve("bench"));
        ReportWriter.junitXml(suite, benchDir.resolve("TEST-mep-bench.xml"));
        ReportWriter.html(suite, benchDir.resolve("report.html"));

        o.println("4/4 MAX3232 diagnosis from the meter side (power-ups forced by the bench's power control)");
        o.flush();
        ChipDiagnosis.Result diagnosis;
        try (Bench bench = factory.open(); SerialLine meterSide = bench.openMeterSide()) {
            diagnosis = DiagnoseBoardCommand.diagnose(bench, meterSide, 60);
        }
        Path diagDir = out.resolve("diagnosis");
        DiagnoseBoardCommand.writeReport(diagnosis, diagDir);

        o.println();
        o.println("== mep demo summary ==");
        o.println("board:     virtual ESP32-MEP, dabbler firmware model, " + profile.name() + " MAX3232");
        o.println("flashing:  " + flashedBy);
        o.println("boot:      " + bootCheck);
        o.println("bench:     " + suite.summaryLine());
        suite.tests().stream().filter(t -> t.status() != org.mepkit.hil.run.TestOutcome.Status.PASSED)
                .forEach(t -> o.println("           " + t.status() + " " + t.group() + ": " + t.name() + " - " + t.message()));
        if (diagnosis.verdict() != null) {
            o.printf(Locale.ROOT, "diagnosis: %s after %d power-ups, haywire %.1f %% (95 %% Wilson %.1f-%.1f %%)%n",
                    diagnosis.verdict(), diagnosis.trials().size(), 100 * diagnosis.haywireRate(),
                    100 * diagnosis.haywireInterval().lower(), 100 * diagnosis.haywireInterval().upper());
        } else {
            o.println("diagnosis: no power-up completed" + (diagnosis.abortedBy() == null ? "" : ": " + diagnosis.abortedBy()));
        }
        o.println("report:    " + benchDir.resolve("report.html").toAbsolutePath());
        o.println("           " + diagDir.resolve("index.html").toAbsolutePath());
        o.printf(Locale.ROOT, "time:      %.1f s%n", (System.nanoTime() - t0) / 1e9);
        o.flush();
        return ExitCodes.OK;
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

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temp folder left behind is harmless; the OS cleans /tmp
        }
    }
}
