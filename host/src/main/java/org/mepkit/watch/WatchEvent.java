package org.mepkit.watch;

import java.time.Duration;

/**
 * Something the watcher says while it runs (not the samples themselves).
 *
 * @param retryIn how long until the next try, or null when nothing is retried
 */
public record WatchEvent(Kind kind, String message, Duration retryIn) {

    public enum Kind {
        /** The port is open and a reader is set up on it. */
        PORT_OPENED,
        /** The port could not be opened (not there yet, busy, no permission). */
        PORT_UNAVAILABLE,
        /** The port went away while reading (adapter unplugged, remote port closed). */
        PORT_LOST,
        /** The meter did not answer, or not as its protocol says. */
        METER_SILENT,
        /** The meter refused the key. */
        AUTH_REFUSED,
        /** The meter answers again after trouble. */
        METER_BACK,
        /** A sample was held by the spike guard (the first of a run of held samples). */
        HELD,
        /** Samples are published again after being held. */
        RESUMED,
        /** Anything else worth a line (MQTT broker state, the log file, ...). */
        NOTE
    }

    public String text() {
        return retryIn == null ? message : message + "; trying again in " + seconds(retryIn);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
