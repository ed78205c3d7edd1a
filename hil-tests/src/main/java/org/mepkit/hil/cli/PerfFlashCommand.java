package org.mepkit.hil.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mepkit.board.BoardImages;
import org.mepkit.board.BoardOptions;
import org.mepkit.board.VirtualBoard;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.command.PerfVerdict;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.progress.Progress;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.image.ImageBuilder;
import org.mepkit.esptool.BootMode;
import org.mepkit.esptool.Esptool;
import org.mepkit.esptool.EsptoolException;
import org.mepkit.esptool.EsptoolLocator;
import org.mepkit.esptool.EsptoolRunner;
import org.mepkit.esptool.ProcessLauncher;
import org.mepkit.esptool.VersionCache;
import org.mepkit.flash.FlashJob;
import org.mepkit.flash.FlashPlan;
import org.mepkit.flash.FlashPlanner;
import org.mepkit.flash.FlashSettings;
import org.mepkit.flash.FlashSource;
import org.mepkit.perf.Target;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.util.Children;
import org.mepkit.util.Scratch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mep perf flash}: {@code mep flash} against the same esptool job run bare, each timed as a whole process
 * (start-up included), median of the runs, with a real esptool and an upstream-sized app at 460800 baud. The board
 * is {@code --port} (one waiting in its ROM loader, e.g. {@code mep board emulate --download-mode}) or a twin this
 * command starts, its console paced at the port's speed. With {@code --boards N} it starts N paced twins and times
 * {@code mep flash --batch} flashing them all at once against one board flashed alone.
 */
@Command(name = "flash", mixinStandardHelpOptions = true,
        description = {"Time 'mep flash' against the same esptool job run bare, each as a whole process (median of --runs); "
                        + "ratio = mep/esptool, target <= 1.03. A real esptool, an upstream-sized app, 460800 baud, against --port "
                        + "or a paced twin started here.",
                "--boards N: 'mep flash --batch' on N paced twins at once against one board alone, "
                        + "target: aggregate throughput >= 0.9 x N x one board."})
public final class PerfFlashCommand implements Callable<Integer> {

    /** What the upstream Arduino app gives deflate: 912336 bytes compress to 589259 (about 0.646). */
    static final double UPSTREAM_COMPRESSIBILITY = 0.37;
    static final int UPSTREAM_CODE_BYTES = 846_800;   // an app of ~912 KB, like NES-MEP-UI.ino.bin
    static final double TARGET_RATIO = 1.03;
    static final double TARGET_PARALLEL = 0.9;

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Timed runs of each, at least 5 (median reported; default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--port", paramLabel = "PORT", description = "A board waiting in its ROM loader (J7 fitted) instead of a twin started here.")
    String port;

    @Option(names = "--esptool", paramLabel = "PATH", description = "The esptool to time (else $ESPTOOL, PATH, python3 -m esptool, Arduino core, PlatformIO).")
    String esptoolPath;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "460800", description = "The speed esptool switches to after connecting (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--app", paramLabel = "FILE", description = "The app to flash (default: an upstream-sized app built here, ~912 KB, as compressible as upstream's).")
    Path appFile;

    @Option(names = "--boards", paramLabel = "N", defaultValue = "1", description = "Paced twins flashed at once by 'mep flash --batch' (default ${DEFAULT-VALUE}: the overhead ratio).")
    int boards;

    @Override
    public Integer call() throws Exception {
        if (runs < 5) throw new MepException(ExitCodes.USAGE, "--runs must be at least 5 (a median of fewer means little)");
        if (boards < 1) throw new MepException(ExitCodes.USAGE, "--boards must be at least 1");
        if (baud < 9600 || baud > 5_000_000) throw new MepException(ExitCodes.USAGE, "--baud must be 9600..5000000");
        if (boards > 1 && port != null) throw new MepException(ExitCodes.USAGE, "--boards starts its own twins: leave out --port");
        Esptool esptool = locate();
        List<VirtualBoard> twins = new ArrayList<>();
        try (Scratch scratch = Scratch.create("perf-flash"); Progress progress = Progress.stderr(spec, "perf flash")) {
            Path dir = scratch.dir();
            Path build = buildFolder(dir.resolve("build"));
            if (port == null) {
                progress.update("starting " + boards + " paced twin(s)");
                for (int i = 0; i < boards; i++) twins.add(twin(dir.resolve("twin-" + i)));
            }
            String target = port != null ? port : twins.get(0).consolePath();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("esptool", esptool.describe());
            result.put("mep", SelfCommand.describe());
            result.put("board", port != null ? port : "paced twin" + (boards > 1 ? "s" : "") + " (virtual ESP32, download mode, console paced at the port's speed)");
            result.put("baud", baud);
            result.put("image_bytes", imageBytes(build));
            result.put("runs", runs);
            return boards == 1 ? overhead(esptool, build, target, dir, progress, result)
                    : parallel(esptool, build, twins, dir, progress, result);
        } finally {
            for (VirtualBoard t : twins) t.close();
        }
    }

    /** mep flash against the bare esptool job: ratio of the medians. */
    private int overhead(Esptool esptool, Path build, String target, Path dir, Progress progress, Map<String, Object> result)
            throws Exception {
        List<String> bare = esptoolArgv(esptool, build, target, dir.resolve("plan"));
        List<String> mep = mepArgv(esptool, target, dir.resolve("logs"), build.toString());
        progress.update("warm-up: one run of each, not counted");
        time(bare, "bare esptool");
        time(mep, "mep flash");
        double[] direct = new double[runs];
        double[] viaMep = new double[runs];
        for (int i = 0; i < runs; i++) {                                   // alternate the order: no first-run bias
            progress.update(i, runs, "runs of each");
            if (i % 2 == 0) {
                direct[i] = time(bare, "bare esptool");
                viaMep[i] = time(mep, "mep flash");
            } else {
                viaMep[i] = time(mep, "mep flash");
                direct[i] = time(bare, "bare esptool");
            }
        }
        double d = median(direct);
        double m = median(viaMep);
        result.put("esptool_s", round(d));
        result.put("mep_s", round(m));
        result.put("ratio", round(m / d));
        result.put("esptool_runs_s", Arrays.stream(direct).map(PerfFlashCommand::round).boxed().toList());
        result.put("mep_runs_s", Arrays.stream(viaMep).map(PerfFlashCommand::round).boxed().toList());
        return PerfVerdict.report(spec, output.json(), result, List.of(Target.atMost("ratio", m / d, TARGET_RATIO)),
                out -> result.forEach((k, v) -> out.println(k + ": " + v)));
    }

    /** mep flash --batch on every twin at once against mep flash on one: aggregate throughput against N x one. */
    private int parallel(Esptool esptool, Path build, List<VirtualBoard> twins, Path dir, Progress progress,
                         Map<String, Object> result) throws Exception {
        List<String> one = mepArgv(esptool, twins.get(0).consolePath(), dir.resolve("logs"), build.toString());
        progress.update("warm-up: one board alone and one batch, not counted");
        time(one, "mep flash");
        timeBatch(esptool, build, twins, dir.resolve("adapters-warm-up"), dir);
        double[] alone = new double[runs];
        double[] batch = new double[runs];
        for (int i = 0; i < runs; i++) {
            progress.update(i, runs, "runs of each");
            alone[i] = time(one, "mep flash");
            batch[i] = timeBatch(esptool, build, twins, dir.resolve("adapters-" + i), dir);
        }
        double a = median(alone);
        double b = median(batch);
        long bytes = (long) result.get("image_bytes");
        double oneKbit = bytes * 8 / 1000.0 / a;
        double aggregateKbit = twins.size() * bytes * 8 / 1000.0 / b;
        double efficiency = aggregateKbit / (twins.size() * oneKbit);
        result.put("boards", twins.size());
        result.put("one_board_s", round(a));
        result.put("batch_s", round(b));
        result.put("one_board_kbit_s", round(oneKbit));
        result.put("aggregate_kbit_s", round(aggregateKbit));
        result.put("parallel_efficiency", round(efficiency));
        result.put("batch_runs_s", Arrays.stream(batch).map(PerfFlashCommand::round).boxed().toList());
        return PerfVerdict.report(spec, output.json(), result,
                List.of(Target.atLeast("parallel_efficiency", efficiency, TARGET_PARALLEL)),
                out -> result.forEach((k, v) -> out.println(k + ": " + v)));
    }

    /**
     * One {@code mep flash --batch} over all twins, timed from its start to its exit: the twins' consoles appear in
     * the adapter folder (as four adapters on a hub) once mep says it is waiting for them.
     */
    private double timeBatch(Esptool esptool, Path build, List<VirtualBoard> twins, Path adapters, Path dir) throws Exception {
        Files.createDirectories(adapters);
        List<String> argv = mepArgv(esptool, null, dir.resolve("logs"), "--batch", "--parallel", String.valueOf(twins.size()),
                "--max-boards", String.valueOf(twins.size()), "--adapters", adapters.toString(), "--idle-timeout", "2m",
                "--bench-log", dir.resolve("bench.jsonl").toString(), build.toString());
        long start = System.nanoTime();
        Process p = Children.start(new ProcessBuilder(argv).redirectErrorStream(true));
        p.getOutputStream().close();
        CountDownLatch waiting = new CountDownLatch(1);
        StringBuilder transcript = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (transcript) {
                        transcript.append(line).append('\n');
                    }
                    if (line.contains("waiting for the next USB-serial adapter")) waiting.countDown();
                }
            } catch (IOException e) {
                // the process ended: the exit status says how
            }
        }, "perf-batch-output");
        reader.setDaemon(true);
        reader.start();
        if (!waiting.await(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new MepException(ExitCodes.TOOL, "mep flash --batch never waited for adapters:\n" + transcript);
        }
        for (int i = 0; i < twins.size(); i++) {
            Files.createSymbolicLink(adapters.resolve("usb-mepkit_twin_TWIN" + (1000 + i) + "-if00-port0"), Path.of(twins.get(i).consolePath()));
        }
        int exit = p.waitFor();
        double took = (System.nanoTime() - start) / 1e9;
        reader.join(5_000);
        if (exit != 0) {
            throw new MepException(ExitCodes.TOOL, "mep flash --batch failed (exit " + exit + "):\n" + tail(transcript.toString()));
        }
        return took;
    }

    /** The argv of {@code mep flash} as the user's mep runs: this JVM's java, its options and class path. */
    private List<String> mepArgv(Esptool esptool, String target, Path logs, String... more) {
        List<String> a = new ArrayList<>(SelfCommand.mep());
        a.addAll(List.of("flash", "--no-boot-check", "--baud", String.valueOf(baud), "--log-dir", logs.toString()));
        if (esptool.command().size() == 1) a.addAll(List.of("--esptool", esptool.command().get(0)));
        if (target != null) a.addAll(List.of("--port", target));
        a.addAll(List.of(more));
        return a;
    }

    /** The esptool argv mep flash builds for the same build folder (blank otadata included), for a bare run. */
    private List<String> esptoolArgv(Esptool esptool, Path build, String target, Path work) {
        FlashPlan plan = new FlashPlanner(ChipRegistry.ESP32_MEP, work).plan(new FlashSource.BuildFolder(build, null),
                null, FlashPlanner.Options.DEFAULT);
        FlashSettings settings = new FlashSettings(target, baud, BootMode.MANUAL, 60, false, Duration.ZERO, work.resolve("logs"));
        return new FlashJob(new EsptoolRunner(ProcessLauncher.SYSTEM, Duration.ofMinutes(10)), esptool, null, null)
                .argv(plan, settings);
    }

    /** Wall time of one whole process; its output is read and thrown away. */
    private static double time(List<String> argv, String what) throws Exception {
        long start = System.nanoTime();
        Process p = Children.start(new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD));
        p.getOutputStream().close();
        int exit = p.waitFor();
        double took = (System.nanoTime() - start) / 1e9;
        if (exit != 0) throw new MepException(ExitCodes.TOOL, what + " failed (exit " + exit + "): " + String.join(" ", argv));
        return took;
    }

    private Esptool locate() throws InterruptedException {
        try {
            return new EsptoolLocator(ProcessLauncher.SYSTEM, System.getenv(), Path.of(System.getProperty("user.home")),
                    VersionCache.forUser(System.getenv(), Path.of(System.getProperty("user.home")))).locate(esptoolPath);
        } catch (EsptoolException e) {
            throw new MepException(e.problem().exitCode(), "perf flash times a real esptool: " + e.actionableMessage());
        }
    }

    /** The Arduino build folder every run flashes: bootloader, the board's table, the app. */
    private Path buildFolder(Path build) throws IOException {
        Files.createDirectories(build);
        byte[] app = appFile != null ? Files.readAllBytes(appFile)
                : ImageBuilder.app().projectName("NES-MEP-UI").codeBytes(UPSTREAM_CODE_BYTES).compressibility(UPSTREAM_COMPRESSIBILITY).build();
        Files.write(build.resolve("perf.ino.bin"), app);
        // a bootloader that compresses as a real one does: esptool v5.3.1 flashes every file after one it cannot
        // compress uncompressed (its write-flash keeps "compress = False" for the rest of the call)
        Files.write(build.resolve("perf.ino.bootloader.bin"), ImageBuilder.bootloader().compressibility(UPSTREAM_COMPRESSIBILITY).build());
        Files.write(build.resolve("perf.ino.partitions.bin"), BoardImages.partitionTable());
        return build;
    }

    private static long imageBytes(Path build) throws IOException {
        long n = 0;
        try (var files = Files.list(build)) {
            for (Path p : files.toList()) n += Files.size(p);
        }
        return n + 0x2000;   // and the blank otadata mep flash writes
    }

    /** A twin at real time in download mode, its console paced at the port's speed. */
    private static VirtualBoard twin(Path dir) throws IOException {
        VirtualBoard b = VirtualBoard.create(new BoardOptions(dir, 1, Max3232Profile.GENUINE, 1, dir.resolve("flash.bin")));
        b.setProgramJumper(true);
        b.powerOn();
        return b;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 15), lines.length));
    }
}
