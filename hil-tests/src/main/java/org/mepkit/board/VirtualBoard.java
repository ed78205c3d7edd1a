package org.mepkit.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.mepkit.board.firmware.BoardIo;
import org.mepkit.board.firmware.DabblerFirmware;
import org.mepkit.board.firmware.FirmwareModel;
import org.mepkit.board.pty.PtyLine;
import org.mepkit.board.pty.SocatPair;
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
    private final SocatPair consolePair;
    private final SocatPair mepPair;
    private final SerialLine console;
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
    private String resetReason = "rst:0x1 (POWERON_RESET)";

    private VirtualBoard(BoardOptions options) throws IOException {
        this.options = options;
        this.ticker = new ScaledTicker(SystemTicker.INSTANCE, options.timeScale());
        this.transceiver = new Transceiver(options.max3232(), options.seed());
        this.garbage = new Random(options.seed() ^ 0x5EEDL);
        java.nio.file.Files.createDirectories(options.directory());
        SocatPair c = null;
        SocatPair m = null;
        try {
            c = SocatPair.start(options.directory(), "board-console", "console");
            m = SocatPair.start(options.directory(), "board-mep", "meter");
            this.console = PtyLine.open(c.pathA(), LineSettings.CONSOLE);
            this.mep = PtyLine.open(m.pathA(), LineSettings.MEP);
        } catch (IOException e) {
            if (c != null) c.close();
            if (m != null) m.close();
            throw e;
        }
        this.consolePair = c;
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
        return consolePair.pathB();
    }

    public String meterPath() {
        return mepPair.pathB();
    }

    public URI url() {
        return http.url();
    }

    public double timeScale() {
        return ticker.scale();
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
        resetReason = "rst:0x1 (POWERON_RESET)";
        bootLocked();
    }

    public synchronized void powerOff() {
        powered = false;
        model = null;
        transceiver.setEnabled(false);
        transceiver.setPowered(false);
    }

    /** Pulses EN: the chip restarts (the MAX3232 pin goes low with the GPIOs). */
    public synchronized void reset() {
        if (!powered) return;
        transceiver.setEnabled(false);
        transceiver.setPowered(false);
        resetReason = "rst:0x1 (POWERON_RESET)";
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
        synchronized (uartRx) {
            uartRx.reset();
        }
        println("ets Jun  8 2016 00:22:57");
        println("");
        if (programJumper) {
            println(resetReason + ",boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))");
            println("waiting for download");
            return;
        }
        println(resetReason + ",boot:0x13 (SPI_FAST_FLASH_BOOT)");
        println("configsip: 0, SPIWP:0xee");
        println("mode:DIO, clock div:1");
        println("entry 0x400805f0");
        if (DabblerFirmware.PROJECT.equals(options.projectName())) {
            model = new DabblerFirmware(ticker, new Io(), options.nvs(), garbage);
        } else {
            println("E (" + boardMillis() % 1000 + ") mepkit twin: no firmware model for project '"
                    + options.projectName() + "'");
        }
    }

    // ------------------------------------------------------------------ threads

    private void runFirmware() {
        while (running) {
            FirmwareModel current = currentModel();
            if (current != null) {
                current.step();
            }
            LockSupport.parkNanos(500_000L);
        }
    }

    private void readMep() {
        byte[] buf = new byte[256];
        while (running) {
            try {
                int n = mep.read(buf, 0, buf.length, Duration.ofMillis(50));
                if (n > 0 && transceiver.passes()) {
                    synchronized (uartRx) {
                        uartRx.write(buf, 0, n);
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
            if (!transceiver.passes()) return;
            try {
                mep.write(data);
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
                resetReason = "rst:0xc (SW_CPU_RESET)";
                bootLocked();
            }
        }
    }

    /** Pulls both USB adapters at once: the console and meter ports vanish. */
    public void unplugPorts() {
        consolePair.unplug();
        mepPair.unplug();
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
        http.close();
        console.close();
        mep.close();
        consolePair.close();
        mepPair.close();
    }
}
