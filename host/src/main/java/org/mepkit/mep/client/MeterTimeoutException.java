package org.mepkit.mep.client;

import java.io.IOException;
import java.time.Duration;

/** The meter did not answer a request, not even after every allowed retransmission. */
public final class MeterTimeoutException extends IOException {

    private final int attempts;

    public MeterTimeoutException(String what, int attempts, Duration timeout) {
        super("no answer from the meter to " + what + " after " + attempts + " attempt(s) of "
                + timeout.toMillis() + " ms each");
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
