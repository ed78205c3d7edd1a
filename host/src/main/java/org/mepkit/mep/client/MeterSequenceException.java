package org.mepkit.mep.client;

import java.io.IOException;

/**
 * The meter kept answering 0x0C (wrong sequence number) even after the client adopted its numbers. When tries timed
 * out in the same exchange, the cause is a meter (or line) that answers late: its reply to one try arrives during
 * the next, which it then refuses as a repeat. The message says so, since "sequence number" would send the user to
 * the wrong place.
 */
public final class MeterSequenceException extends IOException {

    private final int lateTries;

    public MeterSequenceException(String what, int resyncs, int lateTries) {
        super(lateTries == 0
                ? "the meter kept rejecting the sequence number of " + what + " (" + resyncs + " times 0x0C)"
                : "the meter answers late: " + lateTries + " tries of " + what + " timed out, and the late replies"
                        + " crossed the retries, which it refused as repeats (" + resyncs + " times 0x0C); a slow meter,"
                        + " adapter or remote link (--timeout-scale gives it longer)");
        this.lateTries = lateTries;
    }

    /** Tries of the exchange that timed out before the meter's answer came. */
    public int lateTries() {
        return lateTries;
    }
}
