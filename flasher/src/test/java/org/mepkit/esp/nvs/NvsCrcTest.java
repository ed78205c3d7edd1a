package org.mepkit.esp.nvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class NvsCrcTest {

    @Test
    void matchesTheEspIdfCheckValueNotTheStandardCrc32() {
        byte[] data = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xD202D277, NvsCrc.crc32(data, 0, data.length));
        java.util.zip.CRC32 standard = new java.util.zip.CRC32();
        standard.update(data);
        assertEquals(0xCBF43926L, standard.getValue());
    }

    @Test
    void ofNothingIsFfffffff() {
        assertEquals(0xFFFFFFFF, NvsCrc.crc32(new byte[0], 0, 0));
    }
}
