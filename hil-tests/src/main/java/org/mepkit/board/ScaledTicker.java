package org.mepkit.board;

import org.mepkit.time.Ticker;

/**
 * Board time running {@code scale} times faster than the real clock, so a virtual board's
 * 10 s timeouts and 1 s delays take 1/scale of the wall time while the firmware model and the
 * bench's bounds stay in board time.
 */
public final class ScaledTicker implements Ticker {

    private final Ticker real;
    private final double scale;
    private final long origin;

    public ScaledTicker(Ticker real, double scale) {
        if (!(scale > 0)) throw new IllegalArgumentException("time scale must be positive: " + scale);
        this.real = real;
        this.scale = scale;
        this.origin = real.nanoTime();
    }

    public double scale() {
        return scale;
    }

    @Override
    public long nanoTime() {
        return (long) ((real.nanoTime() - origin) * scale);
    }

    @Override
    public void waitUntil(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - nanoTime();
        if (left > 0) real.waitUntil(real.nanoTime() + (long) Math.ceil(left / scale));
    }
}
