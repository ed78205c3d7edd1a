package org.mepkit.esptool;

import java.util.List;
import java.util.Optional;

/** The outcome of a successful esptool run: every output line (as printed) and the events parsed from them. */
public record EsptoolRun(List<String> transcript, List<EsptoolEvent> events) {

    public EsptoolRun {
        transcript = List.copyOf(transcript);
        events = List.copyOf(events);
    }

    public Optional<String> mac() {
        return events.stream().filter(e -> e instanceof EsptoolEvent.Mac).map(e -> ((EsptoolEvent.Mac) e).mac()).findFirst();
    }

    public List<EsptoolEvent.Written> written() {
        return events.stream().filter(e -> e instanceof EsptoolEvent.Written).map(e -> (EsptoolEvent.Written) e).toList();
    }

    /** esptool warned it could not toggle DTR/RTS: the chip was neither reset into its loader nor out of it. */
    public boolean chipNotReset() {
        return events.stream().anyMatch(e -> e instanceof EsptoolEvent.Warning w
                && w.text().toLowerCase(java.util.Locale.ROOT).contains("chip was not reset"));
    }

    public long hashesVerified() {
        return events.stream().filter(e -> e instanceof EsptoolEvent.HashVerified).count();
    }
}
