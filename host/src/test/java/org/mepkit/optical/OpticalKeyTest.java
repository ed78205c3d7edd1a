package org.mepkit.optical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.mepkit.util.Hex;

/** The C12.18 password: 40 hex digits, or text zero-padded to 20 bytes; never shown. */
class OpticalKeyTest {

    @Test
    void fortyHexDigitsAreTwentyBytes() {
        String hex = "0102030405060708090a0b0c0d0e0f1011121314";
        assertArrayEquals(Hex.parse(hex), OpticalKey.of(hex).password());
        assertEquals(OpticalKey.of(hex), OpticalKey.of(hex.toUpperCase()));
    }

    @Test
    void textIsZeroPadded() {
        byte[] pw = OpticalKey.of("secret").password();
        assertEquals(20, pw.length);
        assertArrayEquals("secret".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(pw, 6));
        assertArrayEquals(new byte[14], Arrays.copyOfRange(pw, 6, 20));
    }

    @Test
    void aTwentyCharacterMepKeyMadeOfDigitsIsText() {
        assertArrayEquals("00000000000000000000".getBytes(StandardCharsets.US_ASCII), OpticalKey.of("00000000000000000000").password());
    }

    @Test
    void badKeysAreRefusedWithoutRepeatingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpticalKey.of("x".repeat(21)));
        assertFalse(e.getMessage().contains("xxx"));
        assertTrue(e.getMessage().contains("at most 20"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OpticalKey.of(""));
        assertThrows(IllegalArgumentException.class, () -> OpticalKey.of("tab\there"));
        assertEquals("OpticalKey[redacted]", OpticalKey.of("secret").toString());
    }

    @Test
    void matchesComparesAllTwentyBytes() {
        OpticalKey k = OpticalKey.of("secret");
        assertTrue(k.matches(k.password()));
        byte[] other = k.password();
        other[19] = 1;
        assertFalse(k.matches(other));
        assertFalse(k.matches(null));
    }
}
