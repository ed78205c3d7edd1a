package org.mepkit.serial.memory;

import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;

/**
 * An in-memory null-modem cable: what one end writes, the other end reads. Unit tests use it to
 * join a client and a simulator without a port. Reads block with real waiting (a condition
 * variable, no spinning) up to their timeout.
 *
 * <p>Faults: closing one end lets the peer read what is still buffered, then its reads throw
 * {@link org.mepkit.serial.PortDisconnectedException}; {@link #unplug()} makes both ends fail at
 * once, as a pulled USB adapter does.
 */
public final class LinePair {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final MemoryLine a;
    private final MemoryLine b;
    private boolean unplugged;

    private LinePair(String nameA, String nameB, LineSettings settings) {
        ByteQueue aToB = new ByteQueue();
        ByteQueue bToA = new ByteQueue();
        this.a = new MemoryLine(this, nameA, settings, bToA, aToB);
        this.b = new MemoryLine(this, nameB, settings, aToB, bToA);
        a.peer = b;
        b.peer = a;
    }

    /** A fresh pair; the names appear in messages (e.g. {@code memory:host}, {@code memory:meter}). */
    public static LinePair create(String nameA, String nameB, LineSettings settings) {
        Objects.requireNonNull(nameA, "nameA");
        Objects.requireNonNull(nameB, "nameB");
        Objects.requireNonNull(settings, "settings");
        return new LinePair(nameA, nameB, settings);
    }

    public SerialLine a() {
        return a;
    }

    public SerialLine b() {
        return b;
    }

    /** Pulls the cable: every read and write on both ends fails from now on, buffered bytes are lost. */
    public void unplug() {
        lock.lock();
        try {
            unplugged = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isUnplugged() {
        lock.lock();
        try {
            return unplugged;
        } finally {
            lock.unlock();
        }
    }

    ReentrantLock lock() {
        return lock;
    }

    Condition changed() {
        return changed;
    }

    /** Caller holds the lock. */
    boolean unpluggedLocked() {
        return unplugged;
    }
}
