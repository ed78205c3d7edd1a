package org.mepkit.time;

import java.time.Duration;

/**
 * The one source of time in mepkit: a monotonic clock plus a way to wait for it.
 * Production code uses {@link SystemTicker}; tests and simulations use {@link ManualTicker},
 * whose time only moves when it is advanced, so timing logic is tested without sleeping.
 */
public interface Ticker {

    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** Blocks until {@link #nanoTime()} reaches {@code deadlineNanos} (returns at once if it already has). */
    void waitUntil(long deadlineNanos) throws InterruptedException;

    default void waitFor(Duration duration) throws InterruptedException {
        waitUntil(nanoTime() + duration.toNanos());
    }

    default Deadline deadlineAfter(Duration duration) {
        return new Deadline(this, nanoTime() + duration.toNanos());
    }
}
