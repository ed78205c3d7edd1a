package org.mepkit.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.mepkit.board.boot.BootResult;
import org.mepkit.board.boot.BootRom;
import org.mepkit.board.boot.ResetReason;
import org.mepkit.board.boot.RomBanner;
import org.mepkit.board.firmware.BoardIo;
import org.mepkit.board.firmware.FirmwareConfig;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.board.rom.ChipIdentity;
import org.mepkit.board.rom.RomLoader;
import org.mepkit.board.rom.SessionEnd;
import org.mepkit.esp.partition.Partition;
import org.mepkit.board.firmware.DabblerFirmware;
import org.mepkit.board.firmware.FirmwareModel;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyMasterLine;
import org.mepkit.serial.pty.SocatPair;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.SystemTicker;

/**
 * An ESP32-MEP twin: its console (J5) and MEP side (J6) are real ptys whose host ends are
 * paths ({@link #consolePath()}, {@link #meterPath()}), a MAX3232 fault model sits between
 * UART2 and the MEP port, and a firmware model runs on a time-scaled clock. The power switch,
 * reset and the J7 program jumper are controlled through this API.
 *
 * <p>Normal boot prints the ROM banner and runs the firmware model named by the flashed app's
 * project ({@code dabbler}); with J7 fitted the ROM waits for a download instead. The twin
 * prints secrets in its boot log as the real firmware does.
 */
public final class VirtualBoard implements AutoCloseable {

    private final BoardOptions options;
    private final ScaledTicker ticker;
    private final SocatPair mepPair;
    private final PtyMasterLine console;
    private final SerialLine mep;
    private final Transceiver transceiver;
    private final DashServer http;
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    private final ByteArrayOutputStream uartRx = new ByteArrayOutputStream();
    private final Thread firmwareThread;
    private final Thread mepReader;
    private final Random garbage;

    private volatile boolean running = true;
    private boolean powered;
    private boolean programJumper;
    private FirmwareModel model;
    private int boots;
    private ResetReason resetReason = ResetReason.POWERON_RESET;
    private long bootLoopAtMillis = -1;
    private String lastBootProblem;
    private RomLoader loader;
    private long consoleHangups;
    private final VirtualFlash flash;
    private final ChipIdentity chip = ChipIdentity.defaultEsp32();

    /** The app project name of the upstream Arduino build (its descriptor says arduino-lib-builder). */
    public static final String UPSTREAM_PROJECT = "arduino-lib-builder";
    /** A stable name for the console pty in the board's directory (a symbolic link to its {@code /dev/pts/N}). */
    public static final String CONSOLE_LINK = "console";

    private static void linkConsole(java.nio.file.Path link, String target) {
        try {
            java.nio.file.Files.deleteIfExists(link);
            java.nio.file.Files.createSymbolicLink(link, java.nio.file.Path.of(target));
        } catch (IOException | UnsupportedOperationException e) {
            // the link is a convenience; consolePath() is the real path
        }
    }

    /** Board time between two attempts of a boot loop (ROM + bootloader output, then reset). */
    static final long BOOT_LOOP_PAUSE_MS = 300;

    private VirtualBoard(BoardOptions options) throws IOException {
        this.options = options;
        this.ticker = new ScaledTicker(SystemTicker.INSTANCE, options.timeScale());
        this.transceiver = new Transceiver(options.max3232(), options.seed(), ticker);
        this.garbage = new Random(options.seed() ^ 0x5EEDL);
        java.nio.file.Files.createDirectories(options.directory());
        this.flash = VirtualFlash.open(options.flashFile() != null ? options.flashFile() : options.directory().resolve("flash.bin"));
        // The console is a pty whose master the board holds: a host closing the port is seen here (a hang-up),
        // which a socat pair would hide; the loader resets on it as a real chip's auto-reset would.
        PtyMasterLine c = PtyMasterLine.open(LineSettings.CONSOLE);
        c.releaseSlave();
        linkConsole(options.directory().resolve(CONSOLE_LINK), c.slavePath());
        SocatPair m = null;
        try {
            m = SocatPair.start(options.directory(), "board-mep", "meter");
            this.mep = JscPorts.open(m.pathA().toString(), LineSettings.MEP);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.close();
            if (m != null) m.close();
            throw new IOException("interrupted while starting the meter-side ptys", e);
        } catch (IOException e) {
            c.close();
            if (m != null) m.close();
            throw e;
        }
        this.console = c;
        this.mepPair = m;
        this.http = new DashServer(() -> {
            FirmwareModel current = currentModel();
            return current == null ? Optional.empty() : Optional.of(current.dashDataJson());
        });
        this.firmwareThread = new Thread(this::runFirmware, "board-firmware");
        this.mepReader = new Thread(this::readMep, "board-mep-rx");
        firmwareThread.setDaemon(true);
        mepReader.setDaemon(true);
        firmwareThread.start();
        mepReader.start();
    }

    /** Builds the board (powered off). */
    public static VirtualBoard create(BoardOptions options) throws IOException {
        return new VirtualBoard(options);
    }

    public String consolePath() {
        return console.slavePath();
    }

    public String meterPath() {
        return mepPair.pathB().toString();
    }

    public URI url() {
        return http.url();
    }

    public double timeScale() {
        return ticker.scale();
    }

    public VirtualFlash flash() {
        return flash;
    }

    public Transceiver transceiver() {
        return transceiver;
    }

    public BoardOptions options() {
        return options;
    }

    /** Board time in milliseconds since the board object was made. */
    public long boardMillis() {
        return ticker.nanoTime() / 1_000_000L;
    }

    public synchronized int boots() {
        return boots;
    }

    /** Board time (ms) at which console line {@code index} (0-based, counted by line feeds) was completed, if it was. */
    public java.util.OptionalLong consoleLineMillis(int index) {
        synchronized (transcript) {
            return index < lineStamps.size() ? java.util.OptionalLong.of(lineStamps.get(index)) : java.util.OptionalLong.empty();
        }
    }

    /** Board time (ms) of the latest MEP transmission whose bytes (as they left the MAX3232) equal {@code packet}. */
    public java.util.OptionalLong mepWriteMillis(byte[] packet) {
        synchronized (mepWrites) {
            for (int i = mepWrites.size() - 1; i >= 0; i--) {
                if (java.util.Arrays.equals(mepWrites.get(i).bytes(), packet)) return java.util.OptionalLong.of(mepWrites.get(i).atMillis());
            }
        }
        return java.util.OptionalLong.empty();
    }

    private record MepWrite(long atMillis, byte[] bytes) {
    }

    private final java.util.List<Long> lineStamps = new java.util.ArrayList<>();
    private final java.util.List<MepWrite> mepWrites = new java.util.ArrayList<>();

    /** Everything the board has printed on its console. */
    public String transcript() {
        synchronized (transcript) {
            return transcript.toString(StandardCharsets.ISO_8859_1);
        }
    }

    // ------------------------------------------------------------------ control

    public synchronized void powerOn() {
        if (powered) return;
        powered = true;
        resetReason = ResetReason.POWERON_RESET;
        bootLocked();
    }

    public synchronized void powerOff() {
        powered = false;
        if (loader != null) loader.requestStop();
        bootLoopAtMillis = -1;
        model = null;
        transceiver.setEnabled(false);
        transceiver.setPowered(false);
    }

    /** Pulses EN: the chip restarts (the MAX3232 pin goes low with the GPIOs). */
    public synchronized void reset() {
        if (!powered) return;
        transceiver.setEnabled(false);
        transceiver.setPowered(false);
        resetReason = ResetReason.POWERON_RESET;
        bootLocked();
    }

    /** J7: fitted = the next boot enters the ROM download mode. */
    public synchronized void setProgramJumper(boolean fitted) {
        programJumper = fitted;
    }

    private synchronized FirmwareModel currentModel() {
        return model;
    }

    private void bootLocked() {
        boots++;
        model = null;
        bootLoopAtMillis = -1;
        synchronized (uartRx) {
            uartRx.reset();
        }
        if (loader != null) loader.requestStop();
        if (programJumper) {
            RomBanner.downloadMode(chip, resetReason).forEach(this::println);
            startLoader();
            return;
        }
        BootResult result = BootRom.boot(flash, chip, resetReason);
        result.consoleLines().forEach(this::println);
        if (result instanceof BootResult.BootLoop loop) {
            lastBootProblem = loop.reason();
            resetReason = loop.nextReset();
            bootLoopAtMillis = boardMillis() + BOOT_LOOP_PAUSE_MS;
            return;
        }
        BootResult.Booted booted = (BootResult.Booted) result;
        lastBootProblem = null;
        String project = booted.descriptor().map(d -> d.projectName()).orElse("");
        FirmwareConfig config = readPreferences(booted);
        if (DabblerFirmware.PROJECT.equals(project) || UPSTREAM_PROJECT.equals(project)) {
            model = new DabblerFirmware(ticker, new Io(), config, garbage);
        } else if (DabblerFirmware.SPEC_PROJECT.equals(project)) {
            model = DabblerFirmware.spec(ticker, new Io(), config, garbage, org.mepkit.recovery.RecoveryPolicy.DEFAULT);
        } else {
            lastBootProblem = "no firmware model for app project '" + project + "'";
            println("E (" + (boardMillis() % 1000) + ") mepkit twin: " + lastBootProblem);
        }
    }

    /** The NVS partition through the flasher's reader; a missing marker erases it, as the firmware does. */
    private FirmwareConfig readPreferences(BootResult.Booted booted) {
        Partition nvs = booted.table().nvs().orElse(null);
        if (nvs == null) return FirmwareConfig.factory();
        byte[] image = flash.read((int) nvs.offset(), (int) nvs.size());
        Optional<FirmwareConfig> config = NvsSettings.read(image);
        if (config.isPresent()) return config.get();
        flash.erase((int) nvs.offset(), (int) nvs.size());
        flash.write((int) nvs.offset(), org.mepkit.esp.nvs.NvsImageWriter.write(org.mepkit.esp.nvs.FirmwareNvs.entries(java.util.Map.of()), (int) nvs.size()));
        flash.flush();
        return FirmwareConfig.factory();
    }

    /**
     * Runs the ROM loader on the console until the board leaves download mode. {@code REBOOT} (the stub's
     * reboot request) is a software reset: straps are not re-latched, so with J7 fitted the chip prints the
     * download-mode banner with {@code SW_RESET} and serves again; only {@code RUN_USER_CODE} boots the app
     * from flash. A host closing its end of the console ({@code HOST_CLOSED}) resets the loader state, as the
     * auto-reset circuit of a real board would, and the loader serves the next host from ROM mode.
     */
    private void startLoader() {
        RomLoader l = new RomLoader(flash, chip);
        loader = l;
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    SessionEnd end = l.serve(console);
                    synchronized (VirtualBoard.this) {
                        if (loader != l || !powered) return;
                        if (end == SessionEnd.STOPPED) return;
                        if (end == SessionEnd.HOST_CLOSED) {
                            l.reset();
                            consoleHangups++;
                        }
                    }
                    if (end == SessionEnd.HOST_CLOSED) {
                        if (!awaitConsoleReopen(l)) return;
                        continue;
                    }
                    synchronized (VirtualBoard.this) {
                        resetReason = ResetReason.SW_RESET;
                        if (end == SessionEnd.REBOOT && programJumper) {
                            RomBanner.downloadMode(chip, resetReason).forEach(this::println);
                            continue;
                        }
                        boolean jumper = programJumper;
                        programJumper = false;
                        bootLocked();
                        programJumper = jumper;
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "board-rom-loader");
        t.setDaemon(true);
        t.start();
    }

    /**
     * How many times the loader saw the host close the console (each one a loader reset). The board notices a
     * close within a scheduling delay; a host that reopens faster than that may find the previous state.
     */
    public synchronized long consoleHangups() {
        return consoleHangups;
    }

    /** Waits (bounded steps) until a host opens the console again; false when the loader was replaced or stopped. */
    private boolean awaitConsoleReopen(RomLoader l) throws InterruptedException {
        while (running) {
            synchronized (this) {
                if (loader != l || !powered) return false;
            }
            if (console.hostConnected()) return true;
            Thread.sleep(10);
        }
        return false;
    }

    /** Why the last boot did not start a firmware model (a boot loop, an unknown app), if it did not. */
    public synchronized Optional<String> bootProblem() {
        return Optional.ofNullable(lastBootProblem);
    }

    // ------------------------------------------------------------------ threads

    private void runFirmware() {
        while (running) {
            FirmwareModel current = currentModel();
            if (current != null) {
                current.step();
            } else {
                retryBootLoop();
            }
            LockSupport.parkNanos(500_000L);
        }
    }

    private synchronized void retryBootLoop() {
        if (powered && bootLoopAtMillis >= 0 && boardMillis() >= bootLoopAtMillis) bootLocked();
    }

    private void readMep() {
        byte[] buf = new byte[256];
        while (running) {
            try {
                int n = mep.read(buf, 0, buf.length, Duration.ofMillis(50));
                if (n > 0) {
                    byte[] through = transceiver.pass(java.util.Arrays.copyOf(buf, n));
                    synchronized (uartRx) {
                        uartRx.write(through, 0, through.length);
                    }
                }
            } catch (SerialException e) {
                if (running) LockSupport.parkNanos(50_000_000L);
            }
        }
    }

    private void println(String line) {
        print(line + "\r\n");
    }

    private void print(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        synchronized (transcript) {
            transcript.writeBytes(bytes);
            long now = boardMillis();
            for (byte b : bytes) if (b == '\n') lineStamps.add(now);
        }
        try {
            console.write(bytes);
        } catch (SerialException e) {
            // the console pty is gone; the transcript keeps the text
        }
    }

    /** The firmware model's view of the board. */
    private final class Io implements BoardIo {
        @Override
        public void mepWrite(byte[] data) {
            byte[] through = transceiver.pass(data);
            if (through.length == 0) return;
            synchronized (mepWrites) {
                if (mepWrites.size() > 2000) mepWrites.subList(0, 1000).clear();
                mepWrites.add(new MepWrite(boardMillis(), through));
            }
            try {
                mep.write(through);
            } catch (SerialException e) {
                // the MEP port is gone: the bytes are lost like on an open RS232 line
            }
        }

        @Override
        public byte[] mepRead(int max) {
            synchronized (uartRx) {
                byte[] all = uartRx.toByteArray();
                int n = Math.min(max, all.length);
                uartRx.reset();
                uartRx.write(all, n, all.length - n);
                return java.util.Arrays.copyOf(all, n);
            }
        }

        @Override
        public void setMepEnabled(boolean enabled) {
            transceiver.setEnabled(enabled);
        }

        @Override
        public void setMax3232Powered(boolean on) {
            transceiver.setPowered(on);
        }

        @Override
        public void println(String line) {
            VirtualBoard.this.println(line);
        }

        @Override
        public void print(String text) {
            VirtualBoard.this.print(text);
        }

        @Override
        public void restart(String reason) {
            synchronized (VirtualBoard.this) {
                if (!powered) return;
                transceiver.setEnabled(false);
                transceiver.setPowered(false);
                resetReason = ResetReason.SW_CPU_RESET;
                bootLocked();
            }
        }
    }

    /** Pulls both USB adapters at once: the console and meter ports vanish. */
    public void unplugPorts() {
        console.unplug();
        try {
            mepPair.unplug();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        synchronized (this) {
            model = null;
        }
        try {
            firmwareThread.join(2000);
            mepReader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (loader != null) loader.requestStop();
        }
        http.close();
        flash.close();
        try {
            java.nio.file.Files.deleteIfExists(options.directory().resolve(CONSOLE_LINK));
        } catch (IOException e) {
            // a stale link is replaced on the next start
        }
        console.close();
        mep.close();
        mepPair.close();
    }
}
