package org.mepkit.time;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential backoff for retrying something that keeps failing (a port that is gone, a broker that is down, a
 * meter that refuses the key): the first wait is {@code first}, each further one {@code factor} times the one
 * before, never more than {@code max}; {@link #reset()} after a success. Pure arithmetic: the caller waits on
 * its {@link Ticker}.
 */
public final class Backoff {

    private final Duration first;
    private final Duration max;
    private final double factor;
    private Duration next;
    private int failures;

    public Backoff(Duration first, Duration max, double factor) {
        this.first = Objects.requireNonNull(first, "first");
        this.max = Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= max: " + first + ", " + max);
        }
        if (factor < 1) throw new IllegalArgumentException("factor must be at least 1: " + factor);
        this.factor = factor;
        this.next = first;
    }

    /** The wait before the next try, and counts a failure. */
    public Duration next() {
        Duration d = next;
        failures++;
        double scaled = next.toNanos() * factor;
        next = scaled >= max.toNanos() ? max : Duration.ofNanos((long) scaled);
        return d;
    }

    /** The wait {@link #next()} would return, without counting a failure. */
    public Duration peek() {
        return next;
    }

    /** Failures since the last {@link #reset()}. */
    public int failures() {
        return failures;
    }

    public void reset() {
        next = first;
        failures = 0;
    }
}
