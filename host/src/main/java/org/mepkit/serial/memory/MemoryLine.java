package org.mepkit.serial.memory;

import java.time.Duration;
import java.util.Objects;

import org.mepkit.serial.AbstractSerialLine;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialException;

/** One end of a {@link LinePair}. */
final class MemoryLine extends AbstractSerialLine {

    private final LinePair pair;
    private final ByteQueue incoming;
    private final ByteQueue outgoing;
    MemoryLine peer;
    private boolean closed;

    MemoryLine(LinePair pair, String name, LineSettings settings, ByteQueue incoming, ByteQueue outgoing) {
        super(name, settings);
        this.pair = pair;
        this.incoming = incoming;
        this.outgoing = outgoing;
    }

    @Override
    protected int readChecked(byte[] buffer, int offset, int len, Duration timeout) throws SerialException {
        pair.lock().lock();
        try {
            long left = timeout.toNanos();
            while (true) {
                checkUsable();
                if (len == 0) return 0;
                if (incoming.size() > 0) return incoming.take(buffer, offset, len);
                if (peer.closed) throw new PortDisconnectedException(name + ": the other end (" + peer.name + ") was closed");
                if (left <= 0) return 0;
                try {
                    left = pair.changed().awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw interrupted(e);
                }
            }
        } finally {
            pair.lock().unlock();
        }
    }

    @Override
    public void write(byte[] data, int offset, int len) throws SerialException {
        Objects.checkFromIndexSize(offset, len, data.length);
        pair.lock().lock();
        try {
            checkUsable();
            if (peer.closed) throw new PortDisconnectedException(name + ": the other end (" + peer.name + ") was closed");
            outgoing.add(data, offset, len);
            pair.changed().signalAll();
        } finally {
            pair.lock().unlock();
        }
    }

    @Override
    public void drain() throws SerialException {
        pair.lock().lock();
        try {
            checkUsable();
        } finally {
            pair.lock().unlock();
        }
    }

    @Override
    public void discardInput() throws SerialException {
        pair.lock().lock();
        try {
            checkUsable();
            incoming.clear();
        } finally {
            pair.lock().unlock();
        }
    }

    @Override
    public void close() {
        pair.lock().lock();
        try {
            closed = true;
            pair.changed().signalAll();
        } finally {
            pair.lock().unlock();
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private void checkUsable() throws PortDisconnectedException {
        if (closed) throw new PortDisconnectedException(name + ": the line is closed");
        if (pair.unpluggedLocked()) throw new PortDisconnectedException(name + ": the line was unplugged");
    }

    private SerialException interrupted(InterruptedException cause) {
        return new SerialException(name + ": interrupted while waiting for data", cause);
    }
}
