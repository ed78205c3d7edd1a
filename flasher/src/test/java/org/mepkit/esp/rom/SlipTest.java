package org.mepkit.esp.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepkit.util.Hex;

class SlipTest {

    @Test
    void escapesEndAndEscInsideThePayload() {
        assertEquals("c001dbdc02dbdd03c0", Hex.lower(Slip.encode(new byte[] {1, (byte) 0xC0, 2, (byte) 0xDB, 3})));
    }

    @Test
    void decodesFramesThatShareDelimitersAndIgnoresEmptyOnes() {
        SlipDecoder d = new SlipDecoder();
        byte[] wire = Hex.parse("c0 01 02 c0 c0 03 db dc c0 c0 c0");
        List<byte[]> frames = d.feed(wire, 0, wire.length);
        assertEquals(2, frames.size());
        assertArrayEquals(new byte[] {1, 2}, frames.get(0));
        assertArrayEquals(new byte[] {3, (byte) 0xC0}, frames.get(1));
        assertEquals(0, d.strayBytes());
    }

    @Test
    void countsBytesOutsideFramesAndRemembersTheFirst() {
        SlipDecoder d = new SlipDecoder();
        byte[] wire = Hex.parse("55 41 c0 07 c0");
        List<byte[]> frames = d.feed(wire, 0, wire.length);
        assertEquals(1, frames.size());
        assertEquals(2, d.strayBytes());
        assertEquals(0x55, d.firstStrayByte());
    }

    @Test
    void dropsAFrameWithABadEscape() {
        SlipDecoder d = new SlipDecoder();
        byte[] wire = Hex.parse("c0 01 db 99 c0 02 c0");
        List<byte[]> frames = d.feed(wire, 0, wire.length);
        assertEquals(1, d.corruptFrames());
        assertEquals(1, frames.size());
        assertArrayEquals(new byte[] {2}, frames.get(0));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20261125})
    void roundTripsRandomPayloadsFedInRandomChunks(long seed) {
        Random r = new Random(seed);
        List<byte[]> sent = new ArrayList<>();
        java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < 50; i++) {
            byte[] p = new byte[1 + r.nextInt(300)];
            for (int j = 0; j < p.length; j++) p[j] = (byte) (r.nextInt(4) == 0 ? (r.nextBoolean() ? 0xC0 : 0xDB) : r.nextInt(256));
            sent.add(p);
            wire.writeBytes(Slip.encode(p));
        }
        byte[] all = wire.toByteArray();
        SlipDecoder d = new SlipDecoder();
        List<byte[]> got = new ArrayList<>();
        int pos = 0;
        while (pos < all.length) {
            int n = Math.min(all.length - pos, 1 + r.nextInt(64));
            got.addAll(d.feed(all, pos, n));
            pos += n;
        }
        assertEquals(sent.size(), got.size(), "seed " + seed);
        for (int i = 0; i < sent.size(); i++) assertArrayEquals(sent.get(i), got.get(i), "seed " + seed + " frame " + i);
        assertTrue(d.strayBytes() == 0, "seed " + seed);
    }
}
