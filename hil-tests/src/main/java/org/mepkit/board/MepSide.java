package org.mepkit.board;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.pty.PtyMasterLine;
import org.mepkit.time.Ticker;

/**
 * The MEP side (J6): a pty made in-process whose slave is the meter's path, with UART2 behind the MAX3232
 * model on its master. The board keeps its own hold on the slave, so the meter side may be opened and closed
 * repeatedly (a meter does not reset the board by closing its port). A reader thread passes received bytes
 * through the transceiver into the UART's receive buffer; writes go out through the transceiver and are
 * remembered with their board time.
 *
 * <p>Paced by default, as a UART is: at 9600 8N1 a byte takes 1.04 ms of board time on the wire in either direction.
 * Written bytes leave one byte time after another (the firmware's write returns at once, as into the ESP32's
 * 128-byte TX FIFO); received bytes become readable one byte time after another however fast the pty delivered them,
 * so a firmware loop reading every few milliseconds sees a reply arrive in pieces, as on a real board. The receive
 * buffer holds {@link #RX_BUFFER} bytes, the Arduino core's HardwareSerial default; bytes arriving while it is full
 * are lost. {@link #setPaced(boolean) Unpaced} (bytes at once) only when a test asks.
 */
final class MepSide implements AutoCloseable {

    private record MepWrite(long atMillis, byte[] bytes) {
    }

    /** The Arduino core's UART receive buffer (HardwareSerial default, board-firmware-behaviour.md §4.1). */
    static final int RX_BUFFER = 256;
    static final long BYTE_NANOS = LineSettings.MEP.wireTime(1).toNanos();

    private final PtyMasterLine line;
    private final Transceiver transceiver;
    private final Ticker ticker;
    private final LongSupplier boardMillis;
    /** Received bytes on their way in, with the board time (ns) each has fully arrived. */
    private final ArrayDeque<long[]> uartRx = new ArrayDeque<>();
    /** Arrived bytes the firmware has not read yet: at most {@link #RX_BUFFER}. */
    private final ArrayDeque<Byte> landed = new ArrayDeque<>();
    private long rxFreeAt;
    private final ArrayDeque<long[]> uartTx = new ArrayDeque<>();
    private long txFreeAt;
    private final List<MepWrite> writes = new ArrayList<>();
    private final Thread reader;
    private final Thread sender;
    private volatile boolean running = true;
    private volatile boolean paced = true;

    private MepSide(PtyMasterLine line, Transceiver transceiver, Ticker ticker) {
        this.line = line;
        this.transceiver = transceiver;
        this.ticker = ticker;
        this.boardMillis = () -> ticker.nanoTime() / 1_000_000L;
        this.reader = new Thread(this::readLoop, "board-mep-rx");
        reader.setDaemon(true);
        this.sender = new Thread(this::sendLoop, "board-mep-tx");
        sender.setDaemon(true);
    }

    /** Opens the pty, linked as {@code directory/meter} (the reader threads start with {@link #start()}). */
    static MepSide open(Path directory, Transceiver transceiver, Ticker ticker) throws IOException {
        PtyMasterLine pty = PtyMasterLine.open(LineSettings.MEP);
        pty.linkAs(directory.resolve("meter"));
        return new MepSide(pty, transceiver, ticker);
    }

    void start() {
        reader.start();
        sender.start();
    }

    /** Paced (the default) or unpaced: bytes at once in both directions, for tests that ask. */
    void setPaced(boolean on) {
        paced = on;
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
        if (!paced) {
            lineWrite(through);
            return;
        }
        synchronized (uartTx) {
            long at = Math.max(ticker.nanoTime(), txFreeAt);
            for (byte b : through) {
                at += BYTE_NANOS;
                uartTx.add(new long[] {b, at});
            }
            txFreeAt = at;
            uartTx.notifyAll();
        }
    }

    private void lineWrite(byte[] bytes) {
        try {
            line.write(bytes);
        } catch (SerialException e) {
            // the MEP port is gone: the bytes are lost like on an open RS232 line
        }
    }

    /** Sends each queued byte once its last bit is due. */
    private void sendLoop() {
        while (running) {
            byte[] due;
            synchronized (uartTx) {
                long[] head = uartTx.peek();
                if (head == null) {
                    try {
                        uartTx.wait(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                    continue;
                }
                long now = ticker.nanoTime();
                if (head[1] > now) {
                    due = null;
                } else {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    while (!uartTx.isEmpty() && uartTx.peek()[1] <= now) out.write((int) uartTx.poll()[0]);
                    due = out.toByteArray();
                }
            }
            if (due == null) {
                LockSupport.parkNanos(20_000L);
                continue;
            }
            lineWrite(due);
        }
    }

    /** Takes up to {@code max} bytes from UART2's receive buffer: those whose last bit has arrived. */
    byte[] read(int max) {
        synchronized (uartRx) {
            land(ticker.nanoTime());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (out.size() < max && !landed.isEmpty()) out.write(landed.poll());
            return out.toByteArray();
        }
    }

    /** Moves the bytes that have arrived by {@code now} into the buffer; nobody read since the last call, so a byte
     *  arriving while the buffer is full is lost. */
    private void land(long now) {
        while (!uartRx.isEmpty() && uartRx.peek()[1] <= now) {
            byte b = (byte) uartRx.poll()[0];
            if (landed.size() < RX_BUFFER) landed.add(b);
        }
    }

    /** A chip reset empties the receive buffer (and the transmit FIFO). */
    void clearReceived() {
        synchronized (uartRx) {
            uartRx.clear();
            landed.clear();
        }
        synchronized (uartTx) {
            uartTx.clear();
        }
    }

    /** Bytes from the wire: each arrives one byte time after the one before (at once when unpaced). */
    private void receive(byte[] through) {
        synchronized (uartRx) {
            long now = ticker.nanoTime();
            land(now);
            if (!paced) rxFreeAt = now;
            for (byte b : through) {
                long at = paced ? Math.max(now, rxFreeAt + BYTE_NANOS) : now;
                rxFreeAt = at;
                uartRx.add(new long[] {b, at});
            }
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
                if (n > 0) receive(transceiver.pass(Arrays.copyOf(buf, n)));
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
        sender.interrupt();
        sender.join(millis);
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
