package org.mepkit.time;

import java.time.Duration;

/** A point in a {@link Ticker}'s time: "is it over yet, and how long is left". */
public record Deadline(Ticker ticker, long atNanos) {

    public boolean expired() {
        return ticker.nanoTime() >= atNanos;
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, atNanos - ticker.nanoTime()));
    }
}
