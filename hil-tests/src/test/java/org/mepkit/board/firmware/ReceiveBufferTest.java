package org.mepkit.board.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mepkit.util.Hex;

/** The firmware's input buffer: length-prefixed packets, bare 00 00 alerts, 512 bytes at most. */
class ReceiveBufferTest {

    final ReceiveBuffer rx = new ReceiveBuffer();

    @Test
    void aPacketIsCompleteOnceItsLengthPrefixIsCovered() {
        rx.append(Hex.parse("00050c00"));
        assertFalse(rx.complete());
        rx.append(Hex.parse("000001ff"));
        assertTrue(rx.complete());
        assertEquals(7, rx.packetLength());
        assertArrayEquals(Hex.parse("00050c00000001"), rx.take(7));
        assertEquals(1, rx.length());
        assertEquals("0xFF", rx.dump());
    }

    @Test
    void aBareZeroLengthIsAnAlert() {
        rx.append(Hex.parse("0000000100"));
        assertTrue(rx.startsWithAlert());
        rx.take(2);
        assertFalse(rx.startsWithAlert());
        assertArrayEquals(Hex.parse("000100"), rx.contents());
    }

    @Test
    void itHoldsFiveHundredTwelveBytesAndClears() {
        rx.append(new byte[500]);
        assertEquals(12, rx.room());
        assertFalse(rx.full());
        rx.append(new byte[12]);
        assertTrue(rx.full());
        rx.clear();
        assertEquals(0, rx.length());
        assertEquals("0x", rx.dump());
    }
}
