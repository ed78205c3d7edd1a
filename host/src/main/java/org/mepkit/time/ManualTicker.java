package org.mepkit.time;

import java.time.Duration;

/**
 * A clock that moves only when told to. In {@link Mode#BLOCKING} mode a waiting thread wakes
 * when another thread {@link #advance advances} time past its deadline (tests driving a state
 * machine step by step). In {@link Mode#AUTO_ADVANCE} mode a wait jumps time to the deadline at
 * once: single-threaded simulations then run in virtual time as fast as the CPU allows.
 */
public final class ManualTicker implements Ticker {

    public enum Mode { BLOCKING, AUTO_ADVANCE }

    private final Mode mode;
    private long now;

    public ManualTicker() {
        this(Mode.BLOCKING);
    }

    public ManualTicker(Mode mode) {
        this.mode = mode;
    }

    public static ManualTicker autoAdvancing() {
        return new ManualTicker(Mode.AUTO_ADVANCE);
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    public synchronized void advance(Duration by) {
        if (by.isNegative()) throw new IllegalArgumentException("time does not go back: " + by);
        now += by.toNanos();
        notifyAll();
    }

    /** Time elapsed since this ticker was created. */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(now);
    }

    @Override
    public synchronized void waitUntil(long deadlineNanos) throws InterruptedException {
        if (mode == Mode.AUTO_ADVANCE) {
            if (deadlineNanos > now) {
                now = deadlineNanos;
                notifyAll();
            }
            return;
        }
        while (now < deadlineNanos) {
            wait();
        }
    }
}
