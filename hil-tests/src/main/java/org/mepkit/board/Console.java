package org.mepkit.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.memory.PacedLine;
import org.mepkit.serial.pty.PtyMasterLine;
import org.mepkit.time.Ticker;

/**
 * The board's console (J5): a pty whose master the board holds, so a host closing the port is seen here
 * (a hang-up), which a socat pair would hide. Everything printed is also kept in a transcript, with the
 * board time at which each line was completed.
 *
 * <p>Paced (the default), the console is a UART: every byte in either direction takes its wire time in board
 * time, at the speed the host set on its end of the pty (esptool's CHANGE_BAUDRATE is followed by a speed change
 * of its port), or 115200 while no host has it open. Unpaced, bytes move at pty speed (fast tests).
 */
final class Console implements AutoCloseable {

    /**
     * The UART's transmit FIFO: Arduino-ESP32 installs the UART driver without a TX ring buffer, so a print returns
     * once its bytes fit in the 128-byte hardware FIFO and waits only while it is full.
     */
    static final int TX_FIFO = 128;

    private final PtyMasterLine pty;
    private final SerialLine uart;
    private final LongSupplier boardMillis;
    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    private final List<Long> lineStamps = new ArrayList<>();

    private Console(PtyMasterLine pty, Ticker pacing, LongSupplier boardMillis) {
        this.pty = pty;
        this.uart = pacing == null ? pty : PacedLine.uart(pty, pacing, this::hostBaud, TX_FIFO);
        this.boardMillis = boardMillis;
    }

    /**
     * Opens the pty and links it as {@code link} (a convenience; {@link #path()} is the real path).
     *
     * @param pacing the board's clock when the console is paced at its line speed, null for an unpaced console
     */
    static Console open(Path link, Ticker pacing, LongSupplier boardMillis) throws IOException {
        PtyMasterLine pty = PtyMasterLine.open(LineSettings.CONSOLE);
        pty.releaseSlave();
        pty.linkAs(link);
        return new Console(pty, pacing, boardMillis);
    }

    /** The speed of the host's end (its termios, read through the master), the console's 115200 while none. */
    private int hostBaud() {
        if (!pty.hostConnected()) return LineSettings.CONSOLE.baud();
        try {
            return pty.outputBaud();
        } catch (SerialException | IllegalArgumentException e) {
            return LineSettings.CONSOLE.baud();
        }
    }

    String path() {
        return pty.slavePath();
    }

    /** The chip's side of the console, where the ROM loader serves: the pty master, paced unless unpaced. */
    SerialLine line() {
        return uart;
    }

    boolean hostConnected() {
        return pty.hostConnected();
    }

    void println(String line) {
        print(line + "\r\n");
    }

    void print(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        synchronized (transcript) {
            transcript.writeBytes(bytes);
            long now = boardMillis.getAsLong();
            for (byte b : bytes) if (b == '\n') lineStamps.add(now);
        }
        try {
            uart.write(bytes);
        } catch (SerialException e) {
            // the console pty is gone; the transcript keeps the text
        }
    }

    String transcript() {
        synchronized (transcript) {
            return transcript.toString(StandardCharsets.ISO_8859_1);
        }
    }

    OptionalLong lineMillis(int index) {
        synchronized (transcript) {
            return index < lineStamps.size() ? OptionalLong.of(lineStamps.get(index)) : OptionalLong.empty();
        }
    }

    /** The USB adapter is pulled: the port vanishes. */
    void unplug() {
        pty.unplug();
    }

    @Override
    public void close() {
        uart.close();
    }
}
