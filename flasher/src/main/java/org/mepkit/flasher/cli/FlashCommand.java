package org.mepkit.flasher.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.DurationConverter;
import org.mepkit.cli.option.JsonLinesOptions;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.option.Renamed;
import org.mepkit.esp.chip.BoardTarget;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.nvs.FirmwareNvs;
import org.mepkit.esp.nvs.NvsEntry;
import org.mepkit.esp.nvs.NvsImageWriter;
import org.mepkit.esp.partition.DefaultPartitionTables;
import org.mepkit.esptool.BootMode;
import org.mepkit.esptool.Esptool;
import org.mepkit.esptool.EsptoolException;
import org.mepkit.esptool.EsptoolLocator;
import org.mepkit.esptool.EsptoolProblem;
import org.mepkit.esptool.EsptoolRun;
import org.mepkit.esptool.VersionCache;
import org.mepkit.esptool.EsptoolRunner;
import org.mepkit.esptool.FlashRegion;
import org.mepkit.esptool.ProcessLauncher;
import org.mepkit.flash.AdapterWatcher;
import org.mepkit.flash.BatchRecord;
import org.mepkit.flash.BenchBatch;
import org.mepkit.flash.BenchLog;
import org.mepkit.flash.FlashJob;
import org.mepkit.flash.FlashOutcome;
import org.mepkit.flash.FlashPlan;
import org.mepkit.flash.FlashPlanner;
import org.mepkit.flash.FlashSettings;
import org.mepkit.flash.FlashSource;
import org.mepkit.flash.NvsImage;
import org.mepkit.flash.PlannedRegion;
import org.mepkit.serial.PortOpener;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.Ports;
import org.mepkit.time.SystemTicker;
import org.mepkit.time.Ticker;
import org.mepkit.util.Scratch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mep flash}: check the images, run esptool, provision NVS, check the boot log; or a bench loop with {@code --batch}. */
@Command(name = "flash", mixinStandardHelpOptions = true,
        description = "Flash an ESP32-MEP board over J5 with esptool. Images are checked before the board is touched; "
                + "NVS (the board's settings) is written only when provisioning or --erase-all says so.")
public final class FlashCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JsonLinesOptions output;

    @Mixin
    ProvisioningOptions provisioning;

    @Parameters(paramLabel = "TARGET", arity = "1..*",
            description = "An Arduino build folder, a merged image, or ADDR=FILE pairs (e.g. 0x10000=app.bin).")
    List<String> targets;

    @Option(names = "--port", paramLabel = "PORT", description = "The USB-serial adapter on J5 (never guessed), or rfc2217://HOST:PORT (esptool gets ?ign_set_control).")
    String port;

    @Option(names = "--board", paramLabel = "NAME", defaultValue = "esp32-mep", description = "A board of 'mep board list' (default: esp32-mep, the family default).")
    String board;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "460800", description = "The speed esptool switches to after connecting (default 460800).")
    int baud;

    @Option(names = "--before", paramLabel = "MODE",
            description = "How esptool enters the loader: no_reset (fit the J7 program jumper by hand) or default_reset (DTR/RTS auto-reset). "
                    + "Default: the board's own: default_reset on esp32-mep-v2.10, no_reset on the others.")
    String before;

    @Option(names = "--connect-attempts", paramLabel = "N", description = "How often esptool tries to connect, about a second each (default 60 manual, 7 auto).")
    Integer connectAttempts;

    @Option(names = "--esptool", paramLabel = "PATH", description = "The esptool to run (else $ESPTOOL, PATH, python3 -m esptool, Arduino core, PlatformIO).")
    String esptoolPath;

    @Option(names = "--erase-all", description = "Erase the whole flash first, NVS settings included.")
    boolean eraseAll;

    @Option(names = "--nvs-image", paramLabel = "FILE",
            description = "An NVS image to write at the nvs partition; one not made by mep nvs build is checked against the firmware's NVS contract first.")
    Path nvsImage;

    @Option(names = "--force", description = "Write an --nvs-image that breaks the firmware's NVS contract anyway (the firmware may erase it at boot).")
    boolean force;

    @Option(names = "--boot-app0", paramLabel = "FILE",
            description = "An otadata image (Arduino's boot_app0.bin) for the otadata partition; by default mep writes a blank one, so the board boots the app just flashed.")
    Path bootApp0;

    @Option(names = "--keep-otadata", description = "Leave the board's otadata alone: after an over-the-air update it may keep booting the other app slot.")
    boolean keepOtadata;

    @Option(names = "--no-stub", description = "Talk to the ROM loader only, without uploading esptool's flasher stub (slower; no --erase-all).")
    boolean noStub;

    @Option(names = "--no-boot-check", description = "Do not capture and check the boot log afterwards.")
    boolean noBootCheck;

    @Option(names = "--boot-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to capture the boot log at most (default 60s).")
    Duration bootTimeout = Duration.ofSeconds(60);

    @Option(names = "--boot-log-seconds", hidden = true, paramLabel = "S")
    void oldBootLogSeconds(int seconds) {
        Renamed.note(spec, "--boot-log-seconds S", "--boot-timeout DURATION");
        bootTimeout = Duration.ofSeconds(seconds);
    }

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = ".mep/logs", description = "Boot log folder (default ${DEFAULT-VALUE}); the logs are redacted.")
    Path logDir;

    @Option(names = "--batch", description = "Bench mode: flash every USB-serial adapter that appears, until stopped.")
    boolean batch;

    @Option(names = "--bench-log", paramLabel = "FILE", defaultValue = ".mep/bench.jsonl", description = "Bench log (default ${DEFAULT-VALUE}): one JSON line per board.")
    Path benchLog;

    @Option(names = "--adapters", paramLabel = "DIR", defaultValue = "/dev/serial/by-id", description = "Folder watched for adapters in --batch mode.")
    Path adapters;

    @Option(names = "--max-boards", paramLabel = "N", defaultValue = "0", description = "--batch: stop after this many boards (0 = until stopped).")
    int maxBoards;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "--batch: flash up to this many boards at once, one esptool each (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "--batch: stop when no adapter appears for this long (default 60m).")
    Duration idleTimeout = Duration.ofMinutes(60);

    @Option(names = "--idle-minutes", hidden = true, paramLabel = "MIN")
    void oldIdleMinutes(int minutes) {
        Renamed.note(spec, "--idle-minutes MIN", "--idle-timeout DURATION");
        idleTimeout = Duration.ofMinutes(minutes);
    }

    ProcessLauncher launcher = ProcessLauncher.SYSTEM;
    PortOpener opener = Ports.OPENER;
    Ticker ticker = SystemTicker.INSTANCE;
    Map<String, String> env = System.getenv();
    Path home = Path.of(System.getProperty("user.home"));

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!batch && port == null) throw new MepException(ExitCodes.USAGE, "--port is required (or --batch)");
        if (baud < 9600 || baud > 5_000_000) throw new MepException(ExitCodes.USAGE, "--baud must be 9600..5000000");
        if (connectAttempts != null && (connectAttempts < 1 || connectAttempts > 1000)) {
            throw new MepException(ExitCodes.USAGE, "--connect-attempts must be 1..1000");
        }
        if (bootTimeout.isNegative()) throw new MepException(ExitCodes.USAGE, "--boot-timeout must not be negative");
        if (idleTimeout.isNegative()) throw new MepException(ExitCodes.USAGE, "--idle-timeout must not be negative");
        if (maxBoards < 0) throw new MepException(ExitCodes.USAGE, "--max-boards must be 0 (until stopped) or more");
        if (parallel < 1 || parallel > 64) throw new MepException(ExitCodes.USAGE, "--parallel must be 1..64");
        if (noStub && eraseAll) throw new MepException(ExitCodes.USAGE, "--erase-all needs esptool's flasher stub: drop --no-stub or --erase-all");
        if (keepOtadata && bootApp0 != null) throw new MepException(ExitCodes.USAGE, "give either --boot-app0 or --keep-otadata, not both");
        if (force && nvsImage == null) throw new MepException(ExitCodes.USAGE, "--force only applies to --nvs-image");
        BoardTarget target = ChipRegistry.board(board);
        BootMode mode = bootMode(target);
        Map<String, String> values = provisioning.values();
        NvsImage nvs = nvsImage(values);
        try (Scratch work = Scratch.create("flash")) { // holds the NVS image (secrets)
            return flash(out, mode, target, values, nvs, work.dir());
        }
    }

    private int flash(PrintWriter out, BootMode mode, BoardTarget target, Map<String, String> values, NvsImage nvs,
                      Path work) throws Exception {
        FlashPlan plan = new FlashPlanner(target, work).plan(source(), nvs, new FlashPlanner.Options(keepOtadata, force));
        report(out, plan);
        if (!batch && port.startsWith("/") && !Files.exists(Path.of(port))) {
            throw new MepException(ExitCodes.PORT, port + ": no such port (is the adapter plugged in? check the path)");
        }
        Esptool esptool = locate();
        int attempts = connectAttempts != null ? connectAttempts : mode == BootMode.MANUAL ? 60 : 7;
        FlashSettings settings = new FlashSettings(port, baud, mode, attempts, eraseAll,
                noBootCheck ? Duration.ZERO : bootTimeout, logDir, noStub);
        FlashJob job = new FlashJob(new EsptoolRunner(launcher, Duration.ofMinutes(10)), esptool, opener, ticker);
        List<String> secrets = values.entrySet().stream().filter(e -> FirmwareNvs.isSecret(e.getKey())).map(Map.Entry::getValue).toList();
        ProgressPrinter progress = new ProgressPrinter(out, output.json(), System.console() != null);
        if (batch) return runBatch(out, plan, settings, secrets, job, progress);
        say(out, mode == BootMode.MANUAL
                ? "fit the J7 1-2 program jumper, remove the J7 3-4 power jumper and power-cycle the board (power comes from J5); esptool keeps trying for about " + attempts + " s"
                : "resetting the board into its loader through DTR/RTS (" + esptool.describe() + ")");
        java.util.function.Consumer<EsptoolRun> beforeBootLog = run -> say(out, mode == BootMode.MANUAL
                ? "remove the J7 1-2 program jumper, refit the J7 3-4 power jumper (or keep J5 power) and power-cycle; capturing the boot log for up to " + DurationConverter.format(bootTimeout)
                : run.chipNotReset()
                ? "esptool could not reset the chip (no DTR/RTS on this port): remove the J7 1-2 program jumper and power-cycle; capturing the boot log for up to " + DurationConverter.format(bootTimeout)
                : "capturing the boot log for up to " + DurationConverter.format(bootTimeout));
        try {
            FlashOutcome outcome;
            try {
                outcome = job.run(plan, settings, secrets, progress, beforeBootLog);
            } catch (EsptoolException e) {
                // a cached version that is out of date spells the arguments wrong: ask esptool and try once more
                Optional<Esptool> fresh = e.problem() == EsptoolProblem.USAGE && esptool.versionCached()
                        ? locator().reprobe(esptool) : Optional.empty();
                if (fresh.isEmpty() || fresh.get().version().equals(esptool.version())) throw e;
                outcome = new FlashJob(new EsptoolRunner(launcher, Duration.ofMinutes(10)), fresh.get(), opener, ticker)
                        .run(plan, settings, secrets, progress, beforeBootLog);
            }
            return finish(out, outcome);
        } catch (EsptoolException e) {
            throw new MepException(e.problem().exitCode(), e.actionableMessage());
        } catch (SerialException e) {
            throw new MepException(ExitCodes.PORT, "flashed and verified, but the boot log could not be read: " + e.getMessage());
        }
    }

    /** --before when given, else the board's: auto-reset boards are reset by esptool, the others by hand (J7). */
    BootMode bootMode(BoardTarget target) {
        if (before != null) return BootMode.ofBefore(before);
        return target.autoReset() ? BootMode.AUTO : BootMode.MANUAL;
    }

    private FlashSource source() {
        if (targets.size() == 1 && !targets.get(0).contains("=")) {
            Path p = Path.of(targets.get(0));
            if (Files.isDirectory(p)) return new FlashSource.BuildFolder(p, bootApp0);
            return new FlashSource.Merged(p);
        }
        List<FlashRegion> regions = new ArrayList<>();
        for (String t : targets) {
            int eq = t.indexOf('=');
            if (eq <= 0) throw new MepException(ExitCodes.USAGE, "expected ADDR=FILE, got '" + t + "'");
            String address = t.substring(0, eq);
            int offset = NvsBuildCommand.parseBytes(address).orElseThrow(() -> new MepException(ExitCodes.USAGE,
                    "address '" + address + "' in '" + t + "' must be a flash offset in bytes (decimal or 0x hex)"));
            if (offset >= NvsBuildCommand.MAX_SIZE) {
                throw new MepException(ExitCodes.USAGE, "address " + address + " in '" + t + "' lies beyond 16 MB, the largest ESP32 flash");
            }
            regions.add(new FlashRegion(offset, Path.of(t.substring(eq + 1))));
        }
        return new FlashSource.Pairs(regions);
    }

    private NvsImage nvsImage(Map<String, String> values) {
        if (nvsImage != null && provisioning.any()) throw new MepException(ExitCodes.USAGE, "give either --nvs-image or --settings/--set, not both");
        if (nvsImage != null) return NvsImage.fromFile(nvsImage, CliFiles.read(nvsImage));
        if (!provisioning.any()) return null;
        int size = (int) DefaultPartitionTables.esp32Mep4Mb().nvs().orElseThrow().size();
        return NvsImage.generated(values, size);
    }

    private EsptoolLocator locator() {
        return new EsptoolLocator(launcher, env, home, VersionCache.forUser(env, home));
    }

    private Esptool locate() throws InterruptedException {
        try {
            return locator().locate(esptoolPath);
        } catch (EsptoolException e) {
            throw new MepException(e.problem().exitCode(), e.actionableMessage());
        }
    }

    private void report(PrintWriter out, FlashPlan plan) {
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", "plan");
            m.put("board", plan.board().name());
            m.put("regions", plan.regions().stream().map(r -> Map.of("address", r.address(), "role", r.role().name().toLowerCase(java.util.Locale.ROOT),
                    "file", r.source(), "length", r.length(), "sha256", r.sha256())).toList());
            m.put("nvs_keys", plan.nvsKeys());
            plan.nvsSource().ifPresent(n -> m.put("nvs_source", n));
            List<String> notes = new ArrayList<>(plan.notes());
            if (eraseAll) notes.add("--erase-all: the whole flash is erased first, the board's NVS settings included");
            m.put("notes", notes);
            OutputOptions.printJson(out, m);
            return;
        }
        out.println("checked for " + plan.board().name() + " (" + plan.board().chip() + "):");
        for (PlannedRegion r : plan.regions()) {
            out.printf("  0x%06x  %-15s %8d bytes  %s%n", r.address(), r.role().name().toLowerCase(java.util.Locale.ROOT), r.length(), r.source());
        }
        plan.nvsSource().ifPresent(n -> out.println(n.equals("generated NVS")
                ? "  NVS keys set: " + String.join(", ", plan.nvsKeys())
                : "  NVS keys in " + n + ": " + (plan.nvsKeys().isEmpty() ? "none" : String.join(", ", plan.nvsKeys()))));
        for (String note : plan.notes()) out.println("  note: " + note);
        if (eraseAll) out.println("  note: --erase-all: the whole flash is erased first, the board's NVS settings included");
        out.flush();
    }

    private void say(PrintWriter out, String instruction) {
        if (output.json()) {
            OutputOptions.printJson(out, Map.of("event", "instruction", "text", instruction));
        } else {
            out.println(">> " + instruction);
            out.flush();
        }
    }

    private int finish(PrintWriter out, FlashOutcome o) {
        String mac = o.esptool().mac().orElse("?");
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", "result");
            m.put("mac", mac);
            m.put("verdict", o.verdict());
            m.put("passed", o.passed());
            m.put("explanation", o.explanation());
            o.plan().firmwareSha256().ifPresent(s -> m.put("firmware_sha256", s));
            o.bootLogFile().ifPresent(f -> m.put("boot_log", f.toString()));
            OutputOptions.printJson(out, m);
        } else {
            out.println("board " + mac + ": " + o.verdict() + (o.bootLog().isPresent() ? " - " + o.explanation() : ""));
            o.bootLogFile().ifPresent(f -> out.println("boot log (redacted): " + f));
            out.flush();
        }
        return o.passed() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
    }

    private int runBatch(PrintWriter out, FlashPlan plan, FlashSettings settings, List<String> secrets, FlashJob job,
                         ProgressPrinter progress) throws InterruptedException {
        BenchLog log = new BenchLog(benchLog);
        int[] failed = new int[1];
        int boards = new BenchBatch(new AdapterWatcher(adapters, ticker), job, log, ticker).run(plan, settings, secrets,
                maxBoards, idleTimeout, parallel, new BenchBatch.Listener() {
                    @Override
                    public void waiting() {
                        say(out, "waiting for the next USB-serial adapter in " + adapters + " (Ctrl-C to stop)");
                    }

                    @Override
                    public void started(AdapterWatcher.Adapter a) {
                        say(out, "flashing " + a.path() + a.usbSerial().map(s -> " (USB serial " + s + ")").orElse(""));
                    }

                    @Override
                    public void finished(BatchRecord r) {
                        if (!"started".equals(r.verdict()) && !"flashed".equals(r.verdict())) failed[0]++;
                        if (output.json()) {
                            OutputOptions.printJson(out, r);
                        } else {
                            out.println("board " + r.mac() + " on " + r.port() + ": " + r.verdict() + (r.error() == null ? "" : " - " + r.error()));
                            out.flush();
                        }
                    }
                }, a -> parallel == 1 ? progress : progress.forBoard(a.path().getFileName().toString()));
        say(out, boards + " board(s) done, " + failed[0] + " failed; log: " + benchLog);
        return failed[0] == 0 ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
    }
}
