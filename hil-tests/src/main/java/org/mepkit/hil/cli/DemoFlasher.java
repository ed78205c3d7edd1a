package org.mepkit.hil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.mepkit.board.BoardImages;
import org.mepkit.board.VirtualBoard;
import org.mepkit.board.firmware.DabblerFirmware;
import org.mepkit.board.firmware.FirmwareConfig;
import org.mepkit.bootlog.BootLogCapture;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.nvs.FirmwareNvs;
import org.mepkit.esp.nvs.NvsEntry;
import org.mepkit.esptool.BootMode;
import org.mepkit.esptool.Esptool;
import org.mepkit.esptool.EsptoolEvent;
import org.mepkit.esptool.EsptoolException;
import org.mepkit.esptool.EsptoolRunner;
import org.mepkit.esptool.FlashRegion;
import org.mepkit.esptool.ProcessLauncher;
import org.mepkit.flash.FlashJob;
import org.mepkit.flash.FlashOutcome;
import org.mepkit.flash.FlashPlan;
import org.mepkit.flash.FlashPlanner;
import org.mepkit.flash.FlashSettings;
import org.mepkit.flash.FlashSource;
import org.mepkit.flash.PlannedRegion;
import org.mepkit.report.Redactor;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortOpener;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.Ports;
import org.mepkit.time.SystemTicker;
import org.mepkit.util.PrivateFiles;

/**
 * Flashes a virtual board the way {@code mep flash} flashes a real one: the flasher's
 * {@link FlashPlanner} checks bootloader, partition table, dabbler app and the provisioning NVS image;
 * the board is put in download mode (J7 fitted, power-cycled); the flasher's {@link FlashJob} runs
 * esptool ({@code --before no_reset}) on the board's console; then J7 comes off, the power comes
 * back once the console is open, and the flasher's boot-log capture judges the boot (stored redacted).
 * Without esptool the same planned images are written straight into the virtual flash and the same
 * boot check follows.
 */
public final class DemoFlasher {

    /** How long the boot log is captured at most (board time runs ×20 in the demo). */
    static final Duration BOOT_LOG_LIMIT = Duration.ofSeconds(30);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * @param esptoolUsed  whether esptool was run
     * @param onTarget     the board's flash holds every planned image (read back from the virtual flash itself,
     *                     not taken from esptool's word: a fake or simulated esptool prints "Hash of data verified"
     *                     without writing anything)
     * @param summary      one line for the user
     * @param bootVerdict  the boot check's verdict
     * @param bootPassed   whether the boot check passed
     * @param bootLogFile  the redacted boot log
     * @param esptoolTail  esptool's last output lines (empty without esptool)
     */
    public record Result(boolean esptoolUsed, boolean onTarget, String summary, String bootVerdict, boolean bootPassed,
                         Path bootLogFile, List<String> esptoolTail) {

        /** Flashed, checked on the board and booted: the bench can run on it. */
        public boolean passed() {
            return onTarget && bootPassed;
        }
    }

    private final VirtualBoard board;
    private final Path work;
    private final Path logDir;
    private final FirmwareConfig config;

    public DemoFlasher(VirtualBoard board, Path work, Path logDir, FirmwareConfig config) {
        this.board = board;
        this.work = work;
        this.logDir = logDir;
        this.config = config;
    }

    /** The checked plan: bootloader 0x1000, partition table 0x8000, dabbler app 0x10000, provisioning NVS at the nvs partition. */
    public FlashPlan plan() throws IOException {
        Path images = Files.createDirectories(work.resolve("images"));
        Path bootloader = Files.write(images.resolve("bootloader.bin"), BoardImages.bootloader());
        Path partitions = Files.write(images.resolve("partitions.bin"), BoardImages.partitionTable());
        Path app = Files.write(images.resolve("dabbler.bin"), BoardImages.app(DabblerFirmware.PROJECT));
        Map<String, String> settings = BoardImages.settings(config);
        List<String> keys = FirmwareNvs.entries(settings).stream().map(NvsEntry::key).toList();
        FlashSource source = new FlashSource.Pairs(List.of(new FlashRegion(BoardImages.BOOTLOADER, bootloader),
                new FlashRegion(BoardImages.TABLE, partitions), new FlashRegion(BoardImages.APP0, app)));
        return new FlashPlanner(ChipRegistry.board("esp32-mep"), work.resolve("plan")).plan(source, BoardImages.nvs(config), keys);
    }

    private List<String> secrets() {
        return BoardImages.settings(config).entrySet().stream().filter(e -> FirmwareNvs.isSecret(e.getKey()))
                .map(Map.Entry::getValue).filter(v -> !v.isEmpty()).toList();
    }

    /** Download mode, the flasher's esptool run on the console, then a normal boot judged by the flasher's boot check. */
    public Result withEsptool(Esptool esptool, PrintWriter o) throws IOException, InterruptedException {
        FlashPlan plan = plan();
        board.powerOff();
        board.setProgramJumper(true);
        board.powerOn();
        FlashSettings settings = new FlashSettings(board.consolePath(), FlashSettings.DEFAULT_BAUD, BootMode.MANUAL, 10, false,
                BOOT_LOG_LIMIT, logDir);
        boolean[] powerOnWhenOpen = new boolean[1];
        PortOpener opener = (path, lineSettings) -> {
            SerialLine line = Ports.open(path, lineSettings);
            if (powerOnWhenOpen[0]) board.powerOn(); // the hand on the power switch, once the console is open
            return line;
        };
        FlashJob job = new FlashJob(new EsptoolRunner(ProcessLauncher.SYSTEM, Duration.ofMinutes(3)), esptool, opener, SystemTicker.INSTANCE);
        o.println("    " + esptool.describe());
        o.println("    J7 fitted, power-cycled: ROM download mode; " + String.join(" ", job.argv(plan, settings)));
        o.flush();
        FlashOutcome outcome;
        try {
            outcome = job.run(plan, settings, secrets(), e -> progress(o, e), () -> {
                board.powerOff();
                board.setProgramJumper(false);
                powerOnWhenOpen[0] = true;
            });
        } catch (EsptoolException e) {
            throw new MepException(e.problem().exitCode(), "esptool failed on the virtual board: " + e.actionableMessage());
        } catch (SerialException e) {
            throw new MepException(ExitCodes.PORT, "flashed, but the virtual board's boot log could not be read: " + e.getMessage());
        }
        List<String> transcript = outcome.esptool().transcript();
        List<String> tail = transcript.subList(Math.max(0, transcript.size() - 4), transcript.size());
        Files.createDirectories(logDir);
        Files.write(logDir.resolve("esptool.log"), transcript);
        List<String> missing = notOnBoard(plan);
        String summary = missing.isEmpty()
                ? String.format("flashed with %s through the board's ROM loader: MAC %s, %d region(s) written and read back from the board's flash",
                        esptool.describe(), outcome.esptool().mac().orElse("?"), outcome.esptool().written().size())
                : String.format("NOT flashed: %s said it wrote %d region(s) and verified %d hash(es), but the board's flash does not"
                                + " hold %s: it never wrote to this board (a fake or simulated esptool?)",
                        esptool.describe(), outcome.esptool().written().size(), outcome.esptool().hashesVerified(),
                        String.join(", ", missing));
        return new Result(true, missing.isEmpty(), summary, outcome.verdict(), outcome.passed(), outcome.bootLogFile().orElse(null), tail);
    }

    private static void progress(PrintWriter o, EsptoolEvent e) {
        if (e instanceof EsptoolEvent.Written w) {
            o.printf(java.util.Locale.ROOT, "    wrote %d bytes (%s) at 0x%08x in %.1f s%n", w.bytes(),
                    w.compressed() < 0 ? "uncompressed" : w.compressed() + " compressed", w.address(), w.seconds());
            o.flush();
        }
    }

    /** No esptool: the same planned images go straight into the virtual flash; the same boot check follows. */
    public Result straightIntoFlash() throws IOException, InterruptedException {
        FlashPlan plan = plan();
        board.powerOff();
        for (PlannedRegion r : plan.regions()) {
            byte[] data = Files.readAllBytes(r.file());
            board.flash().eraseCovering((int) r.address(), data.length);
            board.flash().write((int) r.address(), data);
        }
        board.flash().flush();
        board.setProgramJumper(false);
        BootLogCapture.BootLog log;
        try (SerialLine line = Ports.open(board.consolePath(), LineSettings.CONSOLE)) {
            board.powerOn();
            log = new BootLogCapture(SystemTicker.INSTANCE, Redactor.firmware().withSecrets(secrets())).capture(line, BOOT_LOG_LIMIT);
        } catch (SerialException e) {
            throw new MepException(ExitCodes.PORT, "the virtual board's boot log could not be read: " + e.getMessage());
        }
        Path file = store(log.text());
        String summary = "no esptool found: esptool was NOT used; the same " + plan.regions().size()
                + " checked images were written straight into the virtual flash";
        return new Result(false, notOnBoard(plan).isEmpty(), summary, log.result().verdict().name().toLowerCase(java.util.Locale.ROOT),
                log.result().verdict().pass(), file, List.of());
    }

    /** The planned regions whose bytes the board's flash does not hold (read back from the virtual flash). */
    List<String> notOnBoard(FlashPlan plan) throws IOException {
        List<String> missing = new java.util.ArrayList<>();
        for (PlannedRegion r : plan.regions()) {
            byte[] want = Files.readAllBytes(r.file());
            if (!java.util.Arrays.equals(want, board.flash().read((int) r.address(), want.length))) {
                missing.add(r.file().getFileName() + String.format(" at 0x%x", r.address()));
            }
        }
        return missing;
    }

    private Path store(String redacted) {
        try {
            Files.createDirectories(logDir);
            Path file = logDir.resolve("boot-virtual-" + STAMP.format(Instant.now()) + ".log");
            PrivateFiles.write(file, redacted.getBytes(java.nio.charset.StandardCharsets.UTF_8)); // redacted, yet owner-only as every boot log
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
