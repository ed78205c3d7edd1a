package org.mepkit.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void parsesDigitsIgnoringSeparatorsAndPrefix() {
        assertArrayEquals(new byte[] {0x00, 0x11, 0x30, (byte) 0xAB}, Hex.parse("0x0011 30:ab"));
    }

    @Test
    void namesTheBadCharacterAndItsPosition() {
        var e = assertThrows(IllegalArgumentException.class, () -> Hex.parse("00zz"));
        assertEquals("invalid hex: 'z' at position 3", e.getMessage());
    }

    @Test
    void refusesAnOddNumberOfDigits() {
        var e = assertThrows(IllegalArgumentException.class, () -> Hex.parse("001"));
        assertEquals("invalid hex: odd number of digits (3)", e.getMessage());
    }

    @Test
    void printsLowerAndUpperCase() {
        assertEquals("00ab", Hex.lower(new byte[] {0, (byte) 0xAB}));
        assertEquals("00AB", Hex.upper(new byte[] {0, (byte) 0xAB}));
    }
}
