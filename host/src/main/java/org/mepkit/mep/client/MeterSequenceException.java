package org.mepkit.mep.client;

import java.io.IOException;

/** The meter kept answering 0x0C (wrong sequence number) even after the client adopted its numbers. */
public final class MeterSequenceException extends IOException {

    public MeterSequenceException(String what, int resyncs) {
        super("the meter kept rejecting the sequence number of " + what + " (" + resyncs + " times 0x0C)");
    }
}
