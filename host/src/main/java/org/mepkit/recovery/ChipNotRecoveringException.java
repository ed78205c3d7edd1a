package org.mepkit.recovery;

import java.io.IOException;

/** The recovery machine escalated: the MAX3232 did not come back within the policy's cycles. */
public final class ChipNotRecoveringException extends IOException {

    private final int cycles;

    public ChipNotRecoveringException(int cycles) {
        super("MAX3232 not recovering after " + cycles + " power cycles");
        this.cycles = cycles;
    }

    public int cycles() {
        return cycles;
    }
}
