package org.mepkit.watch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a watch run did, for the line printed when it stops. */
public record WatchSummary(Duration ran, long samples, long accepted, long held, long confirming, long portOpenings,
                           long portFailures, long meterFailures, long authRefusals, Sample lastAccepted) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", "summary");
        m.put("ran_s", Math.round(ran.toMillis() / 100.0) / 10.0);
        m.put("samples", samples);
        m.put("published", accepted);
        m.put("held", held);
        m.put("confirming", confirming);
        m.put("port_openings", portOpenings);
        m.put("port_failures", portFailures);
        m.put("meter_failures", meterFailures);
        m.put("auth_refusals", authRefusals);
        if (lastAccepted != null) {
            m.put("last_published", lastAccepted.readAt().toString());
            m.put("fwd_act_wh", lastAccepted.verdict().forwardWh());
            m.put("rev_act_wh", lastAccepted.verdict().reverseWh());
        }
        return m;
    }

    public String text() {
        double minutes = Math.max(ran.toMillis(), 1) / 60_000.0;
        return String.format(java.util.Locale.ROOT,
                "watched %s: %d samples (%.0f per minute), %d published, %d held, %d port opening(s), %d port failure(s), "
                        + "%d meter failure(s), %d key refusal(s)%s",
                WatchEvent.seconds(Duration.ofSeconds(ran.toSeconds())), samples, samples / minutes, accepted, held,
                portOpenings, portFailures, meterFailures, authRefusals,
                lastAccepted == null ? "" : "; last published Fwd_Act_Wh " + lastAccepted.verdict().forwardWh()
                        + " Wh, Rev_Act_Wh " + lastAccepted.verdict().reverseWh() + " Wh");
    }
}
