package org.mepkit.flasher.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.DurationConverter;
import org.mepkit.cli.command.PerfVerdict;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.progress.Progress;
import org.mepkit.cli.option.Renamed;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.image.ImageBuilder;
import org.mepkit.esp.partition.DefaultPartitionTables;
import org.mepkit.esp.partition.PartitionTableCodec;
import org.mepkit.esptool.BootMode;
import org.mepkit.esptool.Esptool;
import org.mepkit.esptool.EsptoolException;
import org.mepkit.esptool.EsptoolLocator;
import org.mepkit.esptool.EsptoolRunner;
import org.mepkit.esptool.FakeEsptool;
import org.mepkit.esptool.FlashRegion;
import org.mepkit.esptool.ProcessLauncher;
import org.mepkit.flash.FlashJob;
import org.mepkit.flash.FlashPlan;
import org.mepkit.flash.FlashPlanner;
import org.mepkit.flash.FlashSettings;
import org.mepkit.flash.FlashSource;
import org.mepkit.perf.Target;
import org.mepkit.time.SystemTicker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mep perf flash}: wall time of mep's flashing step (image checks, esptool run with output
 * parsing) against the same esptool argv run directly with its output discarded. Uses the fake
 * esptool (real v5 output, a fixed delay per 16 KiB block), or with {@code --port} a real esptool
 * (found like {@code mep flash} finds it) against a board waiting in its ROM loader, e.g. the console
 * of {@code mep board emulate --download-mode}.
 */
@Command(name = "flash", mixinStandardHelpOptions = true,
        description = {"Time mep flash against the same esptool invocation run directly; prints direct_s, mep_s, ratio.",
                "Fake esptool by default; with --port, a real esptool against a board in download mode "
                        + "(e.g. the console of 'mep board emulate --download-mode')."})
public final class PerfFlashCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Timed runs of each (median reported; default 5).")
    int runs;

    @Option(names = "--block-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Fake esptool delay per 16 KiB block (default 20ms).")
    Duration blockDelay = Duration.ofMillis(20);

    @Option(names = "--block-delay-ms", hidden = true, paramLabel = "MS")
    void oldBlockDelayMs(int ms) {
        Renamed.note(spec, "--block-delay-ms MS", "--block-delay DURATION");
        blockDelay = Duration.ofMillis(ms);
    }

    @Option(names = "--app-kib", paramLabel = "KIB", defaultValue = "900", description = "App image size in KiB (default 900, like the shipped firmware).")
    int appKib;

    @Option(names = "--esptool-version", paramLabel = "V", defaultValue = "5.3.1", description = "Fake esptool version to imitate (5.3.1 or 4.12.0).")
    String version;

    @Option(names = "--port", paramLabel = "PORT", description = "A board waiting in its ROM loader (J7 fitted): time a real esptool against it.")
    String port;

    @Option(names = "--esptool", paramLabel = "PATH", description = "With --port: the esptool to run (else $ESPTOOL, PATH, python3 -m esptool, Arduino core, PlatformIO).")
    String esptoolPath;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("mep-perf-flash");
        try {
            return measure(dir);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private int measure(Path dir) throws Exception {
        Path bl = write(dir, "bootloader.bin", ImageBuilder.bootloader().build());
        Path table = write(dir, "partitions.bin", PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb()));
        Path app = write(dir, "app.bin", ImageBuilder.app().codeBytes(appKib * 1024).build());
        List<FlashRegion> regions = List.of(new FlashRegion(0x1000, bl), new FlashRegion(0x8000, table), new FlashRegion(0x10000, app));
        FlashSettings settings = new FlashSettings(port == null ? "/dev/null" : port, 460800, BootMode.MANUAL, port == null ? 7 : 3,
                false, Duration.ZERO, dir.resolve("logs"));

        long t0 = System.nanoTime();
        Esptool esptool;
        if (port == null) {
            FakeEsptool fake = FakeEsptool.install(dir.resolve("esptool"), version, "ok", blockDelay.toNanos() / 1e9);
            esptool = new EsptoolLocator(ProcessLauncher.SYSTEM, Map.of(), dir).locate(fake.executable().toString());
        } else {
            try {
                esptool = EsptoolLocator.system().locate(esptoolPath);
            } catch (EsptoolException e) {
                throw new MepException(e.problem().exitCode(), e.actionableMessage());
            }
        }
        double locateS = (System.nanoTime() - t0) / 1e9;
        FlashJob job = new FlashJob(new EsptoolRunner(ProcessLauncher.SYSTEM, Duration.ofMinutes(10)), esptool, null, SystemTicker.INSTANCE);
        FlashPlanner planner = new FlashPlanner(ChipRegistry.ESP32_MEP, dir.resolve("work"));
        List<String> argv = job.argv(planner.plan(new FlashSource.Pairs(regions), null, List.of()), settings);

        double[] direct = new double[runs];
        double[] mep = new double[runs];
        try (Progress progress = Progress.stderr(spec, "perf flash")) {
            progress.update("warm-up run");
            timeDirect(argv);                                                      // warm-up, not counted
            timeMep(planner, regions, job, settings);
            for (int i = 0; i < runs; i++) {                                       // alternate the order: no first-run bias
                progress.update(i, runs, "runs of each");
                if (i % 2 == 0) {
                    direct[i] = timeDirect(argv);
                    mep[i] = timeMep(planner, regions, job, settings);
                } else {
                    mep[i] = timeMep(planner, regions, job, settings);
                    direct[i] = timeDirect(argv);
                }
            }
        }
        double d = median(direct);
        double m = median(mep);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("direct_s", round(d));
        result.put("mep_s", round(m));
        result.put("ratio", round(m / d));
        result.put("runs", runs);
        if (port == null) {
            result.put("esptool", "fake " + version);
            result.put("block_delay_ms", blockDelay.toMillis());
        } else {
            result.put("esptool", esptool.describe());
            result.put("port", port);
        }
        result.put("image_bytes", Files.size(bl) + Files.size(table) + Files.size(app));
        result.put("locate_s", round(locateS));
        return PerfVerdict.report(spec, output.json(), result, List.of(Target.atMost("ratio", m / d, 1.03)),
                out -> result.forEach((k, v) -> out.println(k + ": " + v)));
    }

    /** The same argv, output discarded: esptool alone. */
    private static double timeDirect(List<String> argv) throws Exception {
        long a = System.nanoTime();
        Process p = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) throw new MepException(ExitCodes.TOOL, "the direct esptool run failed (exit " + p.exitValue() + "): " + String.join(" ", argv));
        return (System.nanoTime() - a) / 1e9;
    }

    /** mep's flashing step: plan (every image check) and the esptool run with output parsing. */
    private static double timeMep(FlashPlanner planner, List<FlashRegion> regions, FlashJob job, FlashSettings settings) throws Exception {
        long b = System.nanoTime();
        FlashPlan plan = planner.plan(new FlashSource.Pairs(regions), null, List.of());
        try {
            job.run(plan, settings, List.of(), e -> { }, () -> { });
        } catch (EsptoolException e) {
            throw new MepException(e.problem().exitCode(), "mep's esptool run failed: " + e.actionableMessage());
        }
        return (System.nanoTime() - b) / 1e9;
    }

    private static Path write(Path dir, String name, byte[] data) throws java.io.IOException {
        Path p = dir.resolve(name);
        Files.write(p, data);
        return p;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
