package org.mepkit.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.pty.PtyMasterLine;

/**
 * The MEP side (J6): a pty made in-process whose slave is the meter's path, with UART2 behind the MAX3232
 * model on its master. The board keeps its own hold on the slave, so the meter side may be opened and closed
 * repeatedly (a meter does not reset the board by closing its port). A reader thread passes received bytes
 * through the transceiver into the UART's receive buffer; writes go out through the transceiver and are
 * remembered with their board time.
 */
final class MepSide implements AutoCloseable {

    private record MepWrite(long atMillis, byte[] bytes) {
    }

    private final PtyMasterLine line;
    private final Transceiver transceiver;
    private final LongSupplier boardMillis;
    private final ByteArrayOutputStream uartRx = new ByteArrayOutputStream();
    private final List<MepWrite> writes = new ArrayList<>();
    private final Thread reader;
    private volatile boolean running = true;

    private MepSide(PtyMasterLine line, Transceiver transceiver, LongSupplier boardMillis) {
        this.line = line;
        this.transceiver = transceiver;
        this.boardMillis = boardMillis;
        this.reader = new Thread(this::readLoop, "board-mep-rx");
        reader.setDaemon(true);
    }

    /** Opens the pty, linked as {@code directory/meter} (the reader thread starts with {@link #start()}). */
    static MepSide open(Path directory, Transceiver transceiver, LongSupplier boardMillis) throws IOException {
        PtyMasterLine pty = PtyMasterLine.open(LineSettings.MEP);
        pty.linkAs(directory.resolve("meter"));
        return new MepSide(pty, transceiver, boardMillis);
    }

    void start() {
        reader.start();
    }

    String meterPath() {
        return line.slavePath();
    }

    /** UART2 transmits: the bytes that leave the MAX3232 go to the meter. */
    void write(byte[] data) {
        byte[] through = transceiver.pass(data);
        if (through.length == 0) return;
        synchronized (writes) {
            if (writes.size() > 2000) writes.subList(0, 1000).clear();
            writes.add(new MepWrite(boardMillis.getAsLong(), through));
        }
        try {
            line.write(through);
        } catch (SerialException e) {
            // the MEP port is gone: the bytes are lost like on an open RS232 line
        }
    }

    /** Takes up to {@code max} bytes from UART2's receive buffer. */
    byte[] read(int max) {
        synchronized (uartRx) {
            byte[] all = uartRx.toByteArray();
            int n = Math.min(max, all.length);
            uartRx.reset();
            uartRx.write(all, n, all.length - n);
            return Arrays.copyOf(all, n);
        }
    }

    /** A chip reset empties the receive buffer. */
    void clearReceived() {
        synchronized (uartRx) {
            uartRx.reset();
        }
    }

    OptionalLong writeMillis(byte[] packet) {
        synchronized (writes) {
            for (int i = writes.size() - 1; i >= 0; i--) {
                if (Arrays.equals(writes.get(i).bytes(), packet)) return OptionalLong.of(writes.get(i).atMillis());
            }
        }
        return OptionalLong.empty();
    }

    private void readLoop() {
        byte[] buf = new byte[256];
        while (running) {
            try {
                int n = line.read(buf, 0, buf.length, Duration.ofMillis(50));
                if (n > 0) {
                    byte[] through = transceiver.pass(Arrays.copyOf(buf, n));
                    synchronized (uartRx) {
                        uartRx.write(through, 0, through.length);
                    }
                }
            } catch (SerialException e) {
                if (running) LockSupport.parkNanos(50_000_000L);
            }
        }
    }

    /** Asks the reader thread to finish (it does within one read timeout). */
    void stopReading() {
        running = false;
    }

    void awaitReader(long millis) throws InterruptedException {
        reader.join(millis);
    }

    /** The USB adapter is pulled: the meter port vanishes. */
    void unplug() {
        line.unplug();
    }

    @Override
    public void close() {
        running = false;
        line.close();
    }
}
