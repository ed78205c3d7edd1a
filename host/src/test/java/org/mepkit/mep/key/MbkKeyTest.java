package org.mepkit.mep.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MbkKeyTest {

    @Test
    void theDigestUsesTheAsciiCodesOfTheFirstSixteenCharacters() {
        MbkKey key = MbkKey.of("0123456789ABCDEFGHIJ");
        assertArrayEquals("0123456789ABCDEF".getBytes(), key.digestKey());
        assertEquals(20, key.length());
        assertArrayEquals("Ab3dE6".getBytes(), MbkKey.of("Ab3dE6").digestKey());
    }

    @Test
    void theTextIsRedactedExceptThroughReveal() {
        MbkKey key = MbkKey.of("mK7#pQ2v9LxT4wZb8NcR");
        assertEquals("MbkKey[redacted]", key.toString());
        assertEquals("mK7#pQ2v9LxT4wZb8NcR", key.reveal());
    }

    @Test
    void equalityIsOnTheValue() {
        assertEquals(MbkKey.of("abc"), MbkKey.of("abc"));
        assertEquals(MbkKey.of("abc").hashCode(), MbkKey.of("abc").hashCode());
        assertNotEquals(MbkKey.of("abc"), MbkKey.of("abd"));
    }

    @Test
    void twentyZerosIsTheFactoryDefault() {
        assertTrue(MbkKey.of("00000000000000000000").isFactoryDefault());
        assertTrue(MbkKey.factoryDefault().isFactoryDefault());
        assertFalse(MbkKey.of("0000000000000000000").isFactoryDefault());
    }

    @ParameterizedTest
    @CsvSource(value = {
            "''|the MBK key is empty",
            "secretsecretsecret123|the MBK key has 21 characters; at most 20 are allowed",
            "sécret|the MBK key has a character that is not printable ASCII at position 2",
            "tab\there|the MBK key has a character that is not printable ASCII at position 4"}, delimiter = '|')
    void invalidKeysAreRefusedWithoutRepeatingThem(String text, String message) {
        var e = assertThrows(InvalidKeyException.class, () -> MbkKey.of(text.replace("\\t", "\t")));
        assertEquals(message, e.getMessage());
        if (!text.isEmpty()) assertFalse(e.getMessage().contains(text), "the key must not appear in the message");
        assertThrows(InvalidKeyException.class, () -> MbkKey.of(null));
    }
}
