package org.mepkit.time;

import java.util.concurrent.locks.LockSupport;

/** The real monotonic clock ({@link System#nanoTime()}). */
public final class SystemTicker implements Ticker {

    public static final SystemTicker INSTANCE = new SystemTicker();

    private SystemTicker() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void waitUntil(long deadlineNanos) throws InterruptedException {
        long left;
        while ((left = deadlineNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
            if (Thread.interrupted()) throw new InterruptedException();
        }
    }
}
