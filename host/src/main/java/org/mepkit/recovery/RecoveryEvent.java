package org.mepkit.recovery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of the recovery machine, timestamped on its {@link org.mepkit.time.Ticker}. The same
 * events feed logs, {@code --json} and statistics.
 *
 * @param atNanos ticker time of the step
 * @param kind    what happened
 * @param state   the machine's state after the step
 * @param cycle   power cycle number within the current episode (0 outside one)
 * @param detail  human detail, e.g. the suspect reason or the recovery time
 */
public record RecoveryEvent(long atNanos, Kind kind, RecoveryState state, int cycle, String detail) {

    public enum Kind {
        /** The link looked broken (detail = reason); an episode starts. */
        SUSPECT,
        ENABLE_OFF,
        POWER_OFF,
        POWER_ON,
        ENABLE_ON,
        /** The driver should send its probe. */
        PROBE_DUE,
        /** A probe got no good reply; another cycle follows (detail = reason). */
        PROBE_FAILED,
        /** Powered up at start, ready for the first request. */
        READY,
        /** A good reply after cycling: the episode ends (detail = duration). */
        RECOVERED,
        /** Gave up (detail = action). */
        ESCALATED
    }

    /** For JSON lines: time in seconds on the machine's ticker, names as strings. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("t_s", Math.round(atNanos / 1e6) / 1e3);
        json.put("event", kind.name());
        json.put("state", state.name());
        json.put("cycle", cycle);
        json.put("detail", detail);
        return json;
    }

    /** True for the events that start or end an episode (worth a line on a console). */
    public boolean episodeLevel() {
        return kind == Kind.SUSPECT || kind == Kind.RECOVERED || kind == Kind.ESCALATED;
    }

    @Override
    public String toString() {
        return String.format("%.3f s %s %s cycle=%d%s", atNanos / 1e9, kind, state, cycle,
                detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
