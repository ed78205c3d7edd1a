package org.mepkit.mep.client;

import java.io.IOException;
import java.time.Duration;

/** The meter gave no valid answer to a request, not even after every allowed retransmission. */
public final class MeterTimeoutException extends IOException {

    private final int attempts;

    public MeterTimeoutException(String what, int attempts, Duration timeout) {
        this(what, attempts, timeout, false);
    }

    /** @param malformedSeen some attempt drew a complete but malformed packet instead of silence */
    public MeterTimeoutException(String what, int attempts, Duration timeout, boolean malformedSeen) {
        super("no " + (malformedSeen ? "valid " : "") + "answer from the meter to " + what + " after " + attempts
                + " attempt(s) of " + timeout.toMillis() + " ms each");
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
