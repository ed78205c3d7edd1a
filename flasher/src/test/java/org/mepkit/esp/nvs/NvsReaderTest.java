package org.mepkit.esp.nvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NvsReaderTest {

    private static final int SIZE = 0x5000;

    @Test
    void roundTripsEveryTypeAndTwoNamespaces() {
        List<NvsEntry> in = List.of(
                NvsEntry.string("cfg", "name", "board-7"),
                new NvsEntry("cfg", "u8", new NvsValue.Int(NvsType.U8, 255)),
                new NvsEntry("cfg", "i8", new NvsValue.Int(NvsType.I8, -128)),
                new NvsEntry("cfg", "u16", new NvsValue.Int(NvsType.U16, 65535)),
                new NvsEntry("wifi", "i16", new NvsValue.Int(NvsType.I16, -2)),
                new NvsEntry("wifi", "u32", new NvsValue.Int(NvsType.U32, 0xFFFFFFFFL)),
                new NvsEntry("wifi", "i32", new NvsValue.Int(NvsType.I32, Integer.MIN_VALUE)),
                new NvsEntry("wifi", "u64", new NvsValue.Int(NvsType.U64, -1)),
                new NvsEntry("wifi", "i64", new NvsValue.Int(NvsType.I64, Long.MIN_VALUE)),
                new NvsEntry("wifi", "blob", new NvsValue.Blob(new byte[] {1, 2, 3, 4, 5, 6})),
                NvsEntry.string("cfg", "empty", ""));
        NvsReader.Contents c = NvsReader.read(NvsImageWriter.write(in, SIZE));
        assertEquals(in, c.entries());
        assertEquals("active", c.pages().get(0).state());
        assertEquals("empty", c.pages().get(1).state());
    }

    @Test
    void aBlobLargerThanAPageIsSplitIntoChunksAcrossPagesAndReassembled() {
        byte[] blob = new byte[6000];
        new Random(7).nextBytes(blob);
        List<NvsEntry> in = List.of(NvsEntry.string("a", "s", "x".repeat(3000)), new NvsEntry("a", "big", new NvsValue.Blob(blob)));
        NvsReader.Contents c = NvsReader.read(NvsImageWriter.write(in, SIZE));
        assertEquals(in, c.entries());
        assertEquals("full", c.pages().get(0).state());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void randomConfigurationsRoundTrip(long seed) {
        Random r = new Random(seed);
        List<NvsEntry> in = new ArrayList<>();
        int n = 1 + r.nextInt(60);
        for (int i = 0; i < n; i++) {
            String ns = "ns" + r.nextInt(3);
            String key = "k" + i;
            switch (r.nextInt(3)) {
                case 0 -> in.add(new NvsEntry(ns, key, new NvsValue.Int(NvsType.I32, r.nextInt())));
                case 1 -> {
                    StringBuilder sb = new StringBuilder();
                    int len = r.nextInt(200);
                    for (int k = 0; k < len; k++) sb.append((char) ('a' + r.nextInt(26)));
                    in.add(NvsEntry.string(ns, key, sb.toString()));
                }
                default -> {
                    byte[] b = new byte[r.nextInt(300)];
                    r.nextBytes(b);
                    in.add(new NvsEntry(ns, key, new NvsValue.Blob(b)));
                }
            }
        }
        assertEquals(in, NvsReader.read(NvsImageWriter.write(in, 0x8000)).entries(), "seed " + seed);
    }

    private static byte[] sample() {
        return NvsImageWriter.write(List.of(NvsEntry.string("esp32-mep", "wifi_ssid", "home")), SIZE);
    }

    @Test
    void detectsAPageHeaderCrcError() {
        byte[] img = sample();
        img[5] ^= 1; // sequence number
        var e = assertThrows(NvsException.class, () -> NvsReader.read(img));
        assertEquals(NvsException.Reason.BAD_CRC, e.reason());
        assertEquals(true, e.getMessage().startsWith("page 0: header CRC"));
    }

    @Test
    void detectsAnEntryCrcError() {
        byte[] img = sample();
        img[64 + 32 + 9] ^= 1; // a key byte of the string entry
        var e = assertThrows(NvsException.class, () -> NvsReader.read(img));
        assertEquals("page 0 entry 1: entry CRC mismatch", e.getMessage());
    }

    @Test
    void detectsAStringDataCrcError() {
        byte[] img = sample();
        img[64 + 64] ^= 1; // first payload byte
        var e = assertThrows(NvsException.class, () -> NvsReader.read(img));
        assertEquals("page 0 entry 1: data CRC mismatch", e.getMessage());
    }

    @Test
    void detectsASpanTheBitmapDoesNotCover() {
        byte[] img = sample();
        img[32] = (byte) 0b11111010; // entry 2 (the string's data) back to empty
        var e = assertThrows(NvsException.class, () -> NvsReader.read(img));
        assertEquals(NvsException.Reason.BAD_ENTRY, e.reason());
    }

    @Test
    void skipsErasedEntries() {
        byte[] img = NvsImageWriter.write(List.of(NvsEntry.u8("n", "a", 1), NvsEntry.u8("n", "b", 2)), SIZE);
        img[32] = (byte) (img[32] & ~0b110000); // entry 2 ("b") erased
        assertEquals(List.of(NvsEntry.u8("n", "a", 1)), NvsReader.read(img).entries());
    }

    @Test
    void refusesAnImageThatIsNotWholePages() {
        assertEquals(NvsException.Reason.BAD_SIZE, assertThrows(NvsException.class, () -> NvsReader.read(new byte[100])).reason());
    }
}
