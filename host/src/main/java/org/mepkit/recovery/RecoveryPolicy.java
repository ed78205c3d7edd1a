package org.mepkit.recovery;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.mepkit.serial.LineSettings;

/**
 * Every timing and threshold of the MAX3232 recovery, in one record. {@link #DEFAULT} is what
 * mepkit recommends (justified in {@code firmware-spec/RECOVERY.md}); {@link #LEGACY} is the
 * upstream firmware exactly (board-firmware-behaviour.md §4.4–4.5).
 *
 * @param name               profile name for reports
 * @param fixedReplyTimeout  if not zero, the reply timeout regardless of sizes (upstream: 10 s)
 * @param replyAllowance     added to the wire time: meter turnaround plus host/OS latency
 * @param wireFactor         multiplies the request+reply wire time at the line's baud
 * @param coolOff            MAX3232 off time in the first cycle
 * @param backoff            cool-off multiplier per further cycle of the same episode
 * @param maxCoolOff         cool-off never grows beyond this
 * @param settle             MAX3232 on → ENABLE on (charge pump settles)
 * @param enableSettle       ENABLE on → probe (upstream drains the UART here)
 * @param garbageBytes       unframeable bytes that make the link suspect ({@link Integer#MAX_VALUE} = never)
 * @param framingErrors      consecutive length/framing errors that make it suspect
 * @param authAnomalies      consecutive authentication anomalies that make it suspect
 * @param probe              what the driver sends after a cycle
 * @param maxCycles          power cycles in one episode before escalating instead of probing again
 * @param escalation         what escalation means
 * @param escalationDelay    wait before the escalation action (upstream: 1 s before the reboot)
 */
public record RecoveryPolicy(
        String name,
        Duration fixedReplyTimeout,
        Duration replyAllowance,
        double wireFactor,
        Duration coolOff,
        double backoff,
        Duration maxCoolOff,
        Duration settle,
        Duration enableSettle,
        int garbageBytes,
        int framingErrors,
        int authAnomalies,
        Probe probe,
        int maxCycles,
        Escalation escalation,
        Duration escalationDelay) {

    /** What is sent once the chip is powered again. */
    public enum Probe {
        /** The request that went unanswered, byte for byte (upstream). */
        RESEND_REQUEST,
        /** A short read whose reply is small (e.g. BT52, 7 data bytes); then the pending request. */
        CHEAP_REQUEST
    }

    public enum Escalation {
        /** Restart the board (upstream). */
        REBOOT,
        /** Stop and report "chip not recovering" (the host and a board without a watchdog). */
        REPORT
    }

    public static final RecoveryPolicy LEGACY = new RecoveryPolicy("legacy",
            Duration.ofSeconds(10), Duration.ZERO, 0,
            Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofSeconds(1),
            Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
            Probe.RESEND_REQUEST, 50, Escalation.REBOOT, Duration.ofSeconds(1));

    public static final RecoveryPolicy DEFAULT = new RecoveryPolicy("default",
            Duration.ZERO, Duration.ofMillis(1000), 1.5,
            Duration.ofMillis(250), 1.5, Duration.ofSeconds(2),
            Duration.ofMillis(20), Duration.ofMillis(20),
            8, 2, 3,
            Probe.CHEAP_REQUEST, 20, Escalation.REPORT, Duration.ZERO);

    private static final Map<String, RecoveryPolicy> BY_NAME = Map.of("legacy", LEGACY, "default", DEFAULT);

    public RecoveryPolicy {
        if (fixedReplyTimeout.isNegative() || replyAllowance.isNegative() || coolOff.isNegative()
                || settle.isNegative() || enableSettle.isNegative() || escalationDelay.isNegative()) {
            throw new IllegalArgumentException("recovery timings must not be negative");
        }
        if (fixedReplyTimeout.isZero() && wireFactor < 1.0) {
            throw new IllegalArgumentException("wireFactor must be at least 1 when the timeout is derived: " + wireFactor);
        }
        if (backoff < 1.0) throw new IllegalArgumentException("backoff must be at least 1: " + backoff);
        if (maxCoolOff.compareTo(coolOff) < 0) throw new IllegalArgumentException("maxCoolOff is below coolOff");
        if (garbageBytes < 1 || framingErrors < 1 || authAnomalies < 1) {
            throw new IllegalArgumentException("thresholds must be at least 1 (use Integer.MAX_VALUE for never)");
        }
        if (maxCycles < 1) throw new IllegalArgumentException("maxCycles must be at least 1: " + maxCycles);
    }

    /** {@code legacy} or {@code default}. */
    public static RecoveryPolicy named(String name) {
        RecoveryPolicy policy = BY_NAME.get(name.toLowerCase(Locale.ROOT));
        if (policy == null) throw new IllegalArgumentException("unknown recovery profile '" + name + "' (legacy, default)");
        return policy;
    }

    /** How long to wait for a reply to a {@code requestBytes} request whose reply is {@code replyBytes} long. */
    public Duration replyTimeout(LineSettings line, int requestBytes, int replyBytes) {
        if (!fixedReplyTimeout.isZero()) return fixedReplyTimeout;
        long wire = line.wireTime(requestBytes + replyBytes).toNanos();
        return replyAllowance.plusNanos((long) Math.ceil(wire * wireFactor));
    }

    /** Cool-off of the {@code cycle}-th cycle (1-based) of an episode, with backoff and cap. */
    public Duration coolOff(int cycle) {
        double nanos = coolOff.toNanos() * Math.pow(backoff, Math.max(0, cycle - 1));
        return nanos >= maxCoolOff.toNanos() ? maxCoolOff : Duration.ofNanos((long) nanos);
    }

    /**
     * ENABLE-settle of the {@code cycle}-th cycle: grows with the same backoff and cap as the cool-off,
     * so a meter that needs longer after ENABLE than assumed is still reached (upstream waits 1 s).
     */
    public Duration enableSettle(int cycle) {
        double nanos = enableSettle.toNanos() * Math.pow(backoff, Math.max(0, cycle - 1));
        Duration cap = maxCoolOff.compareTo(enableSettle) > 0 ? maxCoolOff : enableSettle;
        return nanos >= cap.toNanos() ? cap : Duration.ofNanos((long) nanos);
    }

    public RecoveryPolicy withMaxCycles(int cycles) {
        return new RecoveryPolicy(name, fixedReplyTimeout, replyAllowance, wireFactor, coolOff, backoff, maxCoolOff,
                settle, enableSettle, garbageBytes, framingErrors, authAnomalies, probe, cycles, escalation,
                escalationDelay);
    }

    public RecoveryPolicy withThresholds(int garbage, int framing, int auth) {
        return new RecoveryPolicy(name, fixedReplyTimeout, replyAllowance, wireFactor, coolOff, backoff, maxCoolOff,
                settle, enableSettle, garbage, framing, auth, probe, maxCycles, escalation, escalationDelay);
    }
}
