package org.mepkit.watch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

import org.mepkit.dash.DashJson;
import org.mepkit.reading.Reading;

/**
 * {@code mep watch --http}: the newest published sample as the board's {@code /getDashDataWS} JSON, so the
 * board's Home Assistant integration reads a PC reader unchanged. Held samples never show. The clock fields
 * run on from the meter's clock as read at start-up (the board sets its clock from BT52 the same way), or
 * show the host's local time when the meter gave none. Thread-safe: the HTTP thread reads what the watcher
 * thread writes.
 */
public final class DashView implements SampleSink {

    private final DashJson.Software software;
    private volatile Sample newest;
    private volatile LocalDateTime meterClock;
    private volatile Instant meterClockAt;

    public DashView(String version) {
        this.software = new DashJson.Software("mepkit watch", "mepkit", version);
    }

    @Override
    public void accept(Sample sample) {
        if (!sample.accepted()) return;
        LocalDateTime clock = sample.reading().identity().clock();
        if (clock != null && !clock.equals(meterClock)) {
            meterClockAt = sample.readAt();
            meterClock = clock;
        }
        newest = sample;
    }

    /** The JSON for {@code now}, or empty before the first published sample. */
    public Optional<String> json(Instant now) {
        Sample s = newest;
        if (s == null) return Optional.empty();
        Reading r = s.reading();
        LocalDateTime clock = meterClock == null ? LocalDateTime.ofInstant(now, ZoneId.systemDefault())
                : meterClock.plus(Duration.between(meterClockAt, now));
        Map<String, Object> fields = r.toJson();
        Reading.Identity id = r.identity();
        return Optional.of(DashJson.render(new DashJson.Values(software, id.manufacturer(), id.model(),
                id.firmwareVersion(), id.serialNumber() == null ? "" : id.serialNumber(), clock,
                r.forwardActiveWh(), r.reverseActiveWh(), index -> present(fields, index))));
    }

    private static int present(Map<String, Object> fields, int index) {
        return org.mepkit.mep.table.PresentValue.atIndex(index)
                .map(pv -> fields.get(pv.jsonName()))
                .map(v -> v instanceof Number n ? n.intValue() : 0)
                .orElse(0);
    }
}
