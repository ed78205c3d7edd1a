package org.mepkit.optical.link;

import java.time.Duration;

/**
 * The C12.18 link timing and retry rules, one record for both ends of the link.
 *
 * <ul>
 *   <li>{@code ackTimeout}: how long a sender waits for the ACK of a packet before sending it again
 *       (C12Adapter: 2000 ms; termineter waits 1 s).</li>
 *   <li>{@code interCharacterTimeout}: the longest silence inside a packet; a packet whose bytes stop
 *       for longer is abandoned (500 ms).</li>
 *   <li>{@code channelTrafficTimeout}: the longest silence a session survives: a client gives up
 *       waiting for a response after it, a meter falls back to its base state (6000 ms).</li>
 *   <li>{@code tries}: transmissions of one packet (the first included), and bad packets received in a
 *       row, before the link gives up (3).</li>
 * </ul>
 *
 * {@link #C1218} holds the values of the reference (optical-mqtt-remote.md A.4); {@link #scaled}
 * stretches every time (a slow probe, a busy host), the withers change one rule.
 */
public record LinkProfile(Duration ackTimeout, Duration interCharacterTimeout, Duration channelTrafficTimeout, int tries) {

    public static final LinkProfile C1218 = new LinkProfile(Duration.ofMillis(2000), Duration.ofMillis(500),
            Duration.ofMillis(6000), 3);

    public LinkProfile {
        positive("ACK timeout", ackTimeout);
        positive("inter-character timeout", interCharacterTimeout);
        positive("channel traffic timeout", channelTrafficTimeout);
        if (tries < 1) throw new IllegalArgumentException("at least one try, not " + tries);
    }

    /** Every time multiplied by {@code factor} (0 &lt; factor &le; 1000). */
    public LinkProfile scaled(double factor) {
        if (!(factor > 0) || factor > 1000) throw new IllegalArgumentException("timeout scale must be in (0, 1000]: " + factor);
        return new LinkProfile(scale(ackTimeout, factor), scale(interCharacterTimeout, factor),
                scale(channelTrafficTimeout, factor), tries);
    }

    public LinkProfile withAckTimeout(Duration d) {
        return new LinkProfile(d, interCharacterTimeout, channelTrafficTimeout, tries);
    }

    public LinkProfile withInterCharacterTimeout(Duration d) {
        return new LinkProfile(ackTimeout, d, channelTrafficTimeout, tries);
    }

    public LinkProfile withChannelTrafficTimeout(Duration d) {
        return new LinkProfile(ackTimeout, interCharacterTimeout, d, tries);
    }

    public LinkProfile withTries(int n) {
        return new LinkProfile(ackTimeout, interCharacterTimeout, channelTrafficTimeout, n);
    }

    /** "ACK 2 s, inter-character 500 ms, channel traffic 6 s, 3 tries". */
    public String describe() {
        return "ACK " + text(ackTimeout) + ", inter-character " + text(interCharacterTimeout) + ", channel traffic "
                + text(channelTrafficTimeout) + ", " + tries + " tries";
    }

    static String text(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    private static Duration scale(Duration d, double factor) {
        return Duration.ofNanos(Math.max(1, Math.round(d.toNanos() * factor)));
    }

    private static void positive(String what, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive: " + d);
    }
}
