package org.mepkit.serial.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

import org.mepkit.serial.AbstractSerialLine;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.memory.ByteQueue;

/**
 * A serial line whose far end is a TCP connection to a port exporter. One reader thread moves what the socket
 * delivers through {@link #received} (raw, or telnet-decoded) into a queue that timed {@link #read}s take from;
 * writes go straight to the socket. When the connection ends (exporter stopped, network gone) the bytes already
 * received can still be read, then every call throws {@link PortDisconnectedException} with the reason.
 */
abstract class NetLine extends AbstractSerialLine {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** Guards {@link #inbound}, {@link #dropReason} and what subclasses keep of the server's answers. */
    protected final Object lock = new Object();
    private final Object writeLock = new Object();
    private final ByteQueue inbound = new ByteQueue();
    private String dropReason;
    private volatile boolean closed;
    private final Thread reader;

    protected NetLine(String name, LineSettings settings, Socket socket) throws IOException {
        super(name, settings);
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::readLoop, "mep-net-reader " + name);
        reader.setDaemon(true);
    }

    /** Starts the reader; call once, after the subclass is ready for {@link #received}. */
    protected final void start() {
        reader.start();
    }

    /** Starts the reader unless it runs already (for failure paths that need what it would read). */
    protected final void startIfNot() {
        if (reader.getState() == Thread.State.NEW) reader.start();
    }

    /** Waits (bounded) until the reader has seen the end of the connection and handed over everything before it. */
    protected final void awaitReaderEnd(Duration timeout) {
        try {
            reader.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the socket delivered, in order; call {@link #deliver} for the serial data in it. */
    protected abstract void received(byte[] buffer, int len);

    /** Serial data from the device, for {@link #read}. Runs on the reader thread. */
    protected final void deliver(byte[] buffer, int offset, int len) {
        synchronized (lock) {
            inbound.add(buffer, offset, len);
            lock.notifyAll();
        }
    }

    /** Drops what has been received and not read (under {@link #lock}). */
    protected final void clearInbound() {
        synchronized (lock) {
            inbound.clear();
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[8192];
        String reason = "the exporter closed the connection (stopped, or another client took the port)";
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) received(buffer, n);
            }
        } catch (IOException e) {
            reason = "the connection to the exporter dropped (" + e.getMessage() + ")";
        } catch (RuntimeException e) {
            reason = "the exporter sent something mepkit cannot handle (" + e + ")";
        }
        synchronized (lock) {
            if (dropReason == null) dropReason = reason;
            lock.notifyAll();
        }
    }

    /** The reason the connection ended, or null while it is up. */
    protected final String dropReason() {
        synchronized (lock) {
            return dropReason;
        }
    }

    /**
     * Waits on {@link #lock} until {@code done} holds, the connection ends or {@code timeout} passes.
     *
     * @return whether {@code done} holds
     */
    protected final boolean awaitLocked(java.util.function.BooleanSupplier done, Duration timeout) throws SerialException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!done.getAsBoolean()) {
                checkOpenLocked();
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                lock.wait(Math.max(1, left / 1_000_000), 0);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerialException(name + ": interrupted while waiting for the exporter", e);
        }
    }

    @Override
    protected final int readChecked(byte[] buffer, int offset, int len, Duration timeout) throws SerialException {
        if (len == 0) {
            checkOpen();
            return 0;
        }
        long capped = timeout.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : timeout.toNanos();
        synchronized (lock) {
            if (closed) throw new PortDisconnectedException(name + ": the port is closed");
            if (inbound.size() == 0) awaitLocked(() -> inbound.size() > 0, Duration.ofNanos(capped));
            return inbound.take(buffer, offset, len);
        }
    }

    /** Writes serial data: the subclass's wire form of it ({@link #wireForm}). */
    @Override
    public final void write(byte[] data, int offset, int len) throws SerialException {
        java.util.Objects.checkFromIndexSize(offset, len, data.length);
        if (len == 0) return;
        send(wireForm(data, offset, len));
    }

    /** How serial data goes on the wire (telnet doubles 0xFF). */
    protected abstract byte[] wireForm(byte[] data, int offset, int len);

    /** Sends bytes as they are (data already in wire form, or protocol commands). */
    protected final void send(byte[] wire) throws SerialException {
        synchronized (writeLock) {
            checkOpen();
            try {
                out.write(wire);
                out.flush();
            } catch (IOException e) {
                synchronized (lock) {
                    if (dropReason == null) dropReason = "the connection to the exporter dropped (" + e.getMessage() + ")";
                    lock.notifyAll();
                }
                throw new PortDisconnectedException(name + ": " + dropReason(), e);
            }
        }
    }

    /** Everything written has been handed to TCP; the exporter's own buffer cannot be seen from here. */
    @Override
    public void drain() throws SerialException {
        checkOpen();
    }

    @Override
    public void discardInput() throws SerialException {
        checkOpen();
        clearInbound();
    }

    protected final void checkOpen() throws SerialException {
        synchronized (lock) {
            checkOpenLocked();
        }
    }

    private void checkOpenLocked() throws PortDisconnectedException {
        if (closed) throw new PortDisconnectedException(name + ": the port is closed");
        if (dropReason != null) throw new PortDisconnectedException(name + ": " + dropReason);
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) return;
            closed = true;
            lock.notifyAll();
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing a socket that failed already: nothing left to release
        }
        try {
            reader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
