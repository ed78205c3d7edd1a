package org.mepkit.board;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.mepkit.board.boot.ResetReason;
import org.mepkit.board.boot.RomBanner;
import org.mepkit.board.firmware.FirmwareModel;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.board.rom.ChipIdentity;
import org.mepkit.board.rom.RomLoader;
import org.mepkit.board.rom.SessionEnd;
import org.mepkit.time.SystemTicker;

/**
 * An ESP32-MEP twin: its console (J5) and MEP side (J6) are real ptys whose host ends are
 * paths ({@link #consolePath()}, {@link #meterPath()}), a MAX3232 fault model sits between
 * UART2 and the MEP port, and a firmware model runs on a time-scaled clock. The power switch,
 * reset and the J7 program jumper are controlled through this API.
 *
 * <p>Normal boot prints the ROM banner and runs the firmware model named by the flashed app's
 * project ({@code dabbler}, see {@link BootSequence}); with J7 fitted the ROM waits for a download
 * instead ({@link DownloadMode}). The twin prints secrets in its boot log as the real firmware does.
 *
 * <p>This object's lock guards the chip state: power, J7, the running model, the reset reason, the
 * boot-loop timer, the current ROM loader and the counters. The parts ({@link Console}, {@link MepSide},
 * {@link Transceiver}) guard their own buffers.
 */
public final class VirtualBoard implements AutoCloseable {

    /** The app project name of the upstream Arduino build (its descriptor says arduino-lib-builder). */
    public static final String UPSTREAM_PROJECT = "arduino-lib-builder";
    /** A stable name for the console pty in the board's directory (a symbolic link to its {@code /dev/pts/N}). */
    public static final String CONSOLE_LINK = "console";
    /** Board time between two attempts of a boot loop (ROM + bootloader output, then reset). */
    static final long BOOT_LOOP_PAUSE_MS = 300;

    private final BoardOptions options;
    private final ScaledTicker ticker;
    private final Console console;
    private final MepSide mep;
    private final Transceiver transceiver;
    private final DashServer http;
    private final WebClients web = new WebClients();
    private final FirmwareIo io;
    private final VirtualFlash flash;
    private final ChipIdentity chip;
    private final BootSequence bootSequence;
    private final Thread firmwareThread;

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
    private int panics;

    private VirtualBoard(BoardOptions options) throws IOException {
        this.options = options;
        this.chip = options.chip();
        this.ticker = new ScaledTicker(SystemTicker.INSTANCE, options.timeScale());
        this.transceiver = new Transceiver(options.max3232(), options.seed(), ticker);
        Files.createDirectories(options.directory());
        this.flash = VirtualFlash.open(options.flashFile() != null ? options.flashFile() : options.directory().resolve("flash.bin"));
        this.console = Console.open(options.directory().resolve(CONSOLE_LINK), options.pacedConsole() ? ticker : null,
                this::boardMillis);
        try {
            this.mep = MepSide.open(options.directory(), transceiver, ticker);
        } catch (IOException e) {
            console.close();
            throw e;
        }
        this.io = new FirmwareIo(mep, transceiver, console, this::restart, web, ticker.scale());
        this.bootSequence = new BootSequence(flash, chip, ticker, console, io, new Random(options.seed() ^ 0x5EEDL));
        this.http = new DashServer(web);
        this.firmwareThread = new Thread(this::runFirmware, "board-firmware");
        firmwareThread.setDaemon(true);
        firmwareThread.start();
        mep.start();
    }

    /** Builds the board (powered off). */
    public static VirtualBoard create(BoardOptions options) throws IOException {
        return new VirtualBoard(options);
    }

    public String consolePath() {
        return console.path();
    }

    public String meterPath() {
        return mep.meterPath();
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
    public OptionalLong consoleLineMillis(int index) {
        return console.lineMillis(index);
    }

    /** Board time (ms) of the latest MEP transmission whose bytes (as they left the MAX3232) equal {@code packet}. */
    public OptionalLong mepWriteMillis(byte[] packet) {
        return mep.writeMillis(packet);
    }

    /** Everything the board has printed on its console. */
    public String transcript() {
        return console.transcript();
    }

    /**
     * How many times the loader saw the host close the console (each one a loader reset). The board notices a
     * close within a scheduling delay; a host that reopens faster than that may find the previous state.
     */
    public synchronized long consoleHangups() {
        return consoleHangups;
    }

    /** Whether some host has the console port open now. */
    public boolean consoleHostConnected() {
        return console.hostConnected();
    }

    /** Why the last boot did not start a firmware model (a boot loop, an unknown app), if it did not. */
    public synchronized Optional<String> bootProblem() {
        return Optional.ofNullable(lastBootProblem);
    }

    /** How many times a firmware model crashed (a panic, then a reset) since the board was made. */
    public synchronized int panics() {
        return panics;
    }

    // ------------------------------------------------------------------ control

    /**
     * Board milliseconds the Wi-Fi station takes to connect from the next boot on ({@code Long.MAX_VALUE}: never, the
     * firmware falls back to its access point after 30 s). The default is {@value FirmwareIo#DEFAULT_WIFI_CONNECT_MS} ms.
     */
    public void setWifiConnectMillis(long ms) {
        io.setWifiConnectMillis(ms);
    }

    /** Connections the firmware makes to {@code host:port} on its network go to {@code to} (e.g. the bench's MQTT broker). */
    public void routeTcp(String host, int port, java.net.InetSocketAddress to) {
        io.route(host, port, to);
    }

    /** The MEP UART at its line speed (the default) or, when a test asks, unpaced. */
    public void setMepPaced(boolean paced) {
        mep.setPaced(paced);
    }

    public synchronized void powerOn() {
        if (powered) return;
        powered = true;
        resetReason = ResetReason.POWERON_RESET;
        bootLocked();
    }

    public synchronized void powerOff() {
        powered = false;
        web.reset();
        stopLoader();
        bootLoopAtMillis = -1;
        model = null;
        transceiver.setEnabled(false);
        transceiver.setPowered(false);
    }

    /** Pulses EN: the chip restarts (the MAX3232 pin goes low with the GPIOs). */
    public synchronized void reset() {
        if (!powered) return;
        restartLocked(ResetReason.POWERON_RESET);
    }

    /** J7: fitted = the next boot enters the ROM download mode. */
    public synchronized void setProgramJumper(boolean fitted) {
        programJumper = fitted;
    }

    /** ESP.restart() from the firmware model. */
    private synchronized void restart() {
        if (!powered) return;
        restartLocked(ResetReason.SW_CPU_RESET);
    }

    private void restartLocked(ResetReason reason) {
        transceiver.setEnabled(false);
        transceiver.setPowered(false);
        resetReason = reason;
        bootLocked();
    }

    private synchronized FirmwareModel currentModel() {
        return model;
    }

    private void bootLocked() {
        boots++;
        model = null;
        web.reset();
        bootLoopAtMillis = -1;
        mep.clearReceived();
        stopLoader();
        if (programJumper) {
            RomBanner.downloadMode(chip, resetReason).forEach(console::println);
            loader = new RomLoader(flash, chip);
            DownloadMode.start(loader, console, new LoaderHost());
            return;
        }
        BootSequence.Outcome outcome = bootSequence.boot(resetReason);
        lastBootProblem = outcome.problem();
        model = outcome.model();
        if (outcome.looping()) {
            resetReason = outcome.retryAs();
            bootLoopAtMillis = boardMillis() + BOOT_LOOP_PAUSE_MS;
        }
    }

    /** The chip left its download session: the old loader never answers again, even to a host that opens later. */
    private void stopLoader() {
        if (loader != null) loader.requestStop();
        loader = null;
    }

    /** The download-mode loop's view of the board; every call takes the board's lock. */
    private final class LoaderHost implements DownloadMode.Board {
        @Override
        public boolean sessionEnded(RomLoader l, SessionEnd end) {
            synchronized (VirtualBoard.this) {
                if (loader != l || !powered || end == SessionEnd.STOPPED) return false;
                if (end == SessionEnd.HOST_CLOSED) {
                    l.reset();
                    consoleHangups++;
                }
                return true;
            }
        }

        @Override
        public boolean serving(RomLoader l) {
            synchronized (VirtualBoard.this) {
                return loader == l && powered;
            }
        }

        @Override
        public boolean softwareReset(RomLoader l, SessionEnd end) {
            synchronized (VirtualBoard.this) {
                // powered off or replaced since the session ended: a dead chip does not reset
                if (loader != l || !powered) return false;
                resetReason = ResetReason.SW_RESET;
                if (end == SessionEnd.REBOOT && programJumper) {
                    RomBanner.downloadMode(chip, resetReason).forEach(console::println);
                    return true;
                }
                boolean jumper = programJumper;
                programJumper = false;
                bootLocked();
                programJumper = jumper;
                return false;
            }
        }

        @Override
        public boolean running() {
            return running;
        }
    }

    // ------------------------------------------------------------------ threads

    private void runFirmware() {
        while (running) {
            FirmwareModel current = currentModel();
            if (current != null) {
                try {
                    current.step();
                } catch (RuntimeException | AssertionError | StackOverflowError e) {
                    panic(current, e);
                }
            } else {
                retryBootLoop();
            }
            LockSupport.parkNanos(500_000L);
        }
    }

    /** The model crashed (a modelled upstream crash, or a bug of the twin): the panic output, then a reset, as on an ESP32. */
    private synchronized void panic(FirmwareModel crashed, Throwable t) {
        if (model != crashed || !powered) return;
        panics++;
        PanicHandler.lines(t).forEach(console::println);
        restartLocked(ResetReason.SW_CPU_RESET);
    }

    private synchronized void retryBootLoop() {
        if (powered && bootLoopAtMillis >= 0 && boardMillis() >= bootLoopAtMillis) bootLocked();
    }

    /** Pulls both USB adapters at once: the console and meter ports vanish. */
    public void unplugPorts() {
        console.unplug();
        mep.unplug();
    }

    @Override
    public void close() {
        running = false;
        mep.stopReading();
        synchronized (this) {
            model = null;
        }
        try {
            firmwareThread.join(2000);
            mep.awaitReader(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (loader != null) loader.requestStop();
        }
        http.close();
        flash.close();
        console.close();
        mep.close();
    }
}
