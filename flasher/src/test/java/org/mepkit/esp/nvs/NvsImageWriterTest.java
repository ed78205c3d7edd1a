package org.mepkit.esp.nvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mepkit.util.Hex;

/** Checks the written bytes field by field against flashing reference §9. */
class NvsImageWriterTest {

    private static final int SIZE = 0x5000;

    private static int u32(byte[] b, int at) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    private final byte[] image = NvsImageWriter.write(List.of(
            NvsEntry.string("esp32-mep", "esp32-mep", "esp32-mep"),
            NvsEntry.u8("esp32-mep", "mqtt_enable", 1)), SIZE);

    @Test
    void pageHeaderIsActiveSequenceZeroVersion2WithItsCrc() {
        assertEquals(0xFFFFFFFE, u32(image, 0));
        assertEquals(0, u32(image, 4));
        assertEquals((byte) 0xFE, image[8]);
        for (int i = 9; i < 28; i++) assertEquals((byte) 0xFF, image[i], "reserved byte " + i);
        assertEquals(NvsCrc.crc32(image, 4, 24), u32(image, 28));
    }

    @Test
    void stateBitmapMarksExactlyTheUsedEntriesWritten() {
        // namespace (1) + string of 10 bytes (1 + 1) + u8 (1) = 4 entries: bits 10 10 10 10, the rest 11
        assertEquals((byte) 0b10101010, image[32]);
        for (int i = 33; i < 64; i++) assertEquals((byte) 0xFF, image[i], "bitmap byte " + i);
    }

    @Test
    void namespaceEntryComesFirstWithIndexOne() {
        int at = 64;
        assertEquals("000101ff", Hex.lower(image, at, 4)); // ns 0, type u8, span 1, no chunk
        assertEquals("esp32-mep", new String(image, at + 8, 9, StandardCharsets.US_ASCII));
        assertEquals("00".repeat(7), Hex.lower(image, at + 17, 7));
        assertEquals("01ffffffffffffff", Hex.lower(image, at + 24, 8));
        assertEquals(NvsCrc.entryCrc(image, at), u32(image, at + 4));
    }

    @Test
    void stringEntryHasSizeReservedDataCrcAndPaddedPayload() {
        int at = 64 + 32;
        assertEquals("012102ff", Hex.lower(image, at, 4)); // ns 1, string, span 2
        assertEquals(10, image[at + 24] | image[at + 25] << 8); // "esp32-mep" + NUL
        assertEquals("ffff", Hex.lower(image, at + 26, 2));
        byte[] payload = "esp32-mep\0".getBytes(StandardCharsets.US_ASCII);
        assertEquals(NvsCrc.crc32(payload, 0, payload.length), u32(image, at + 28));
        assertEquals(Hex.lower(payload) + "ff".repeat(22), Hex.lower(image, at + 32, 32));
        assertEquals(NvsCrc.entryCrc(image, at), u32(image, at + 4));
    }

    @Test
    void primitiveIsLittleEndianThenFf() {
        int at = 64 + 3 * 32;
        assertEquals("010101ff", Hex.lower(image, at, 4));
        assertEquals("01ffffffffffffff", Hex.lower(image, at + 24, 8));
    }

    @Test
    void unusedEntriesAndPagesStayErased() {
        for (int i = 64 + 4 * 32; i < SIZE; i++) assertEquals((byte) 0xFF, image[i], "byte 0x" + Integer.toHexString(i));
    }

    @Test
    void fullPagesAreMarkedFullAndTheLastOneWrittenActive() {
        List<NvsEntry> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) many.add(new NvsEntry("ns", "k" + i, new NvsValue.Int(NvsType.U32, i)));
        byte[] img = NvsImageWriter.write(many, SIZE);
        assertEquals(0xFFFFFFFC, u32(img, 0));
        assertEquals(0xFFFFFFFE, u32(img, 4096));
        assertEquals(1, u32(img, 4096 + 4));
        assertEquals(0xFFFFFFFF, u32(img, 2 * 4096));
    }

    @Test
    void refusesToUseTheLastPage() {
        List<NvsEntry> many = new ArrayList<>();
        for (int i = 0; i < 126 * 2; i++) many.add(new NvsEntry("ns", "k" + i, new NvsValue.Int(NvsType.U8, 1)));
        var e = assertThrows(NvsException.class, () -> NvsImageWriter.write(many, 0x3000));
        assertEquals(NvsException.Reason.NO_SPACE, e.reason());
    }

    @Test
    void refusesBadSizesKeysAndValues() {
        assertEquals(NvsException.Reason.BAD_SIZE, assertThrows(NvsException.class, () -> NvsImageWriter.write(List.of(), 0x2000)).reason());
        assertEquals(NvsException.Reason.BAD_SIZE, assertThrows(NvsException.class, () -> NvsImageWriter.write(List.of(), 0x3800)).reason());
        assertEquals(NvsException.Reason.BAD_KEY, assertThrows(NvsException.class, () -> NvsEntry.string("ns", "a_key_of_16_char", "v")).reason());
        assertEquals(NvsException.Reason.BAD_VALUE, assertThrows(NvsException.class, () -> new NvsValue.Int(NvsType.U8, 256)).reason());
        assertEquals(NvsException.Reason.VALUE_TOO_LONG, assertThrows(NvsException.class,
                () -> NvsImageWriter.write(List.of(NvsEntry.string("ns", "k", "x".repeat(4000))), SIZE)).reason());
    }
}
