package org.mepkit.watch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.mepkit.cli.option.JsonKeys;
import org.mepkit.reading.Reading;
import org.mepkit.watch.guard.GuardVerdict;

/**
 * One reading of the watched meter and what the spike guard made of it.
 *
 * @param number   1 for the first sample of the run
 * @param readAt   wall-clock time the reading completed
 * @param atNanos  the same moment on the watcher's {@link org.mepkit.time.Ticker}
 * @param verdict  accepted (published), held or confirming
 */
public record Sample(long number, Reading reading, Instant readAt, long atNanos, GuardVerdict verdict) {

    public Sample {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(readAt, "readAt");
        Objects.requireNonNull(verdict, "verdict");
    }

    public boolean accepted() {
        return verdict.accepted();
    }

    /**
     * The values under snake_case keys in the meter's units ({@code fwd_act_wh}, {@code l1_rms_v} in mV, ...):
     * what the MQTT state and the JSON log carry. An accepted sample's energy registers are the guard's
     * (continued across a rollover).
     */
    public Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        reading.toJson().forEach((k, v) -> {
            if (!(v instanceof String)) m.put(JsonKeys.snake(k), v);
        });
        m.put("fwd_act_wh", accepted() ? verdict.forwardWh() : reading.forwardActiveWh() & 0xFFFF_FFFFL);
        m.put("rev_act_wh", accepted() ? verdict.reverseWh() : reading.reverseActiveWh() & 0xFFFF_FFFFL);
        return m;
    }

    public String status() {
        return verdict.status().name().toLowerCase(java.util.Locale.ROOT);
    }
}
