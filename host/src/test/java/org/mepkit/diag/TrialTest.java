package org.mepkit.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrialTest {

    private final byte[] sent = {0x55, (byte) 0xAA, 0x00, (byte) 0xFF};

    @Test
    void anExactEchoIsGood() {
        Trial t = Trial.compare(1, sent, sent.clone(), 100, 250);
        assertEquals(TrialOutcome.GOOD, t.outcome());
        assertEquals(0, t.bitErrors());
        assertEquals(150, t.goodAfterNanos());
    }

    @Test
    void flippedBitsAreCountedPerBitAndPerByte() {
        byte[] back = {0x54, (byte) 0xAA, 0x03, (byte) 0xFF};
        Trial t = Trial.compare(2, sent, back, 0, 10);
        assertEquals(TrialOutcome.BIT_ERRORS, t.outcome());
        assertEquals(2, t.byteErrors());
        assertEquals(3, t.bitErrors());
        assertEquals(-1, t.goodAfterNanos());
    }

    @Test
    void missingBytesCountEightBitsEachAndNothingIsSilent() {
        Trial shortEcho = Trial.compare(3, sent, new byte[] {0x55, (byte) 0xAA}, 0, 10);
        assertEquals(TrialOutcome.GARBAGE, shortEcho.outcome());
        assertEquals(2, shortEcho.byteErrors());
        assertEquals(16, shortEcho.bitErrors());
        assertEquals(TrialOutcome.SILENT, Trial.compare(4, sent, new byte[0], 0, 10).outcome());
    }
}
