package org.mepkit.mep.client;

import java.time.Duration;

import org.mepkit.serial.LineSettings;

/**
 * How long the client waits for a reply and how often it tries again. The reply timeout is
 * derived from the wire, not fixed: the request's bytes plus the largest reply that request can
 * draw, both at the line's baud, plus the meter's turnaround margin, all times {@code scale}.
 * At 9600 baud a BT28 read (19-byte request, reply up to 511 bytes) waits
 * 552 ms + 1000 ms = about 1.55 s, where the board firmware waits a flat 10 s.
 *
 * @param turnaroundMargin the time a meter may take between the last request byte and its first
 *                         reply byte. The meter's real figure is not published; a meter that is
 *                         busy with its uplink may answer late (mep-protocol §4, item 6: 0x0C is "caused by the meter talking to its uplink"), so the default is
 *                         a generous {@link #DEFAULT_TURNAROUND_MARGIN}.
 * @param scale            multiplies the whole timeout ({@code mep read --timeout-scale})
 * @param maxAttempts      transmissions of the same bytes before giving up (the firmware: 50)
 * @param maxResyncs       0x0C answers accepted for one request before giving up
 * @param idleGap          silence after which a partial packet is dropped as garbage
 */
public record ClientTimings(Duration turnaroundMargin, double scale, int maxAttempts, int maxResyncs, Duration idleGap) {

    public static final Duration DEFAULT_TURNAROUND_MARGIN = Duration.ofMillis(1000);

    /** Firmware's max reply length field and the largest reply its receive buffer accepts. */
    public static final int MAX_REPLY_BYTES = 511;

    public static final ClientTimings DEFAULT =
            new ClientTimings(DEFAULT_TURNAROUND_MARGIN, 1.0, 3, 3, Duration.ofMillis(100));

    public ClientTimings {
        if (turnaroundMargin.isNegative()) throw new IllegalArgumentException("negative turnaround margin");
        if (!(scale > 0) || scale > 1000) throw new IllegalArgumentException("timeout scale must be in (0, 1000]: " + scale);
        if (maxAttempts < 1) throw new IllegalArgumentException("at least one attempt: " + maxAttempts);
        if (maxResyncs < 0) throw new IllegalArgumentException("negative resync limit: " + maxResyncs);
    }

    public ClientTimings withScale(double newScale) {
        return new ClientTimings(turnaroundMargin, newScale, maxAttempts, maxResyncs, idleGap);
    }

    public ClientTimings withTurnaroundMargin(Duration margin) {
        return new ClientTimings(margin, scale, maxAttempts, maxResyncs, idleGap);
    }

    public ClientTimings withMaxAttempts(int attempts) {
        return new ClientTimings(turnaroundMargin, scale, attempts, maxResyncs, idleGap);
    }

    /** Reply timeout for a request of {@code requestBytes} that can draw up to {@code maxReplyBytes}. */
    public Duration replyTimeout(LineSettings line, int requestBytes, int maxReplyBytes) {
        Duration base = line.wireTime(requestBytes + maxReplyBytes).plus(turnaroundMargin);
        return Duration.ofNanos(Math.round(base.toNanos() * scale));
    }
}
