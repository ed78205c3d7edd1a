package org.mepkit.mep.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.util.Hex;

class DigestTest {

    static List<TestVectors> vectors() {
        return TestVectors.all();
    }

    @Test
    void theVectorFileHoldsAllThirteenVectors() {
        assertEquals(13, vectors().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reproducesEveryReferenceDigest(TestVectors v) {
        Request r = new Request(v.body(), v.seq());
        assertArrayEquals(v.digest(), Digest.compute(MbkKey.of(v.key()), r.digestedMessage()), v.name());
    }

    /** mep-protocol.md §5.4, first key position (k = 'A' = 0x41), rows v = 7..0: key bit, n, t, new D[v]. */
    @Test
    void stepTraceOfTheFirstKeyPosition() {
        int[][] rows = {
                {7, 1, 0xF8, 0xF1, 0xF1}, {6, 0, 0xF9, 0x04, 0xF5}, {5, 0, 0xFA, 0x83, 0x78}, {4, 0, 0xFB, 0x03, 0x7B},
                {3, 0, 0xFC, 0x82, 0xFD}, {2, 0, 0xFD, 0x02, 0xFF}, {1, 1, 0xFE, 0xFD, 0xFC}, {0, 0, 0xFF, 0x01, 0xFD}};
        int prev = 0; // D[0] before the position; m = 0 throughout (M = 00 00 00 00)
        for (int[] row : rows) {
            int v = row[0];
            assertEquals(row[1], (0x41 >>> (7 - v)) & 1, "key bit at v=" + v);
            int n = Digest.n(0, v);
            assertEquals(row[2], n, "n at v=" + v);
            int t = Digest.t(n, row[1]);
            assertEquals(row[3], t, "t at v=" + v);
            int dv = (prev + t) & 0xFF;
            assertEquals(row[4], dv, "new D[v] at v=" + v);
            prev = dv;
        }
    }

    /** mep-protocol.md §5.4: D after r = 0, 1, 15 and 23 for key "ABCDEFGHIJKLMNOPQRST", M = 00 00 00 00. */
    @ParameterizedTest(name = "after r={0}")
    @CsvSource({"1,fdfcfffd7b78f5f1", "2,868783020141827a", "16,ef2b891511ec08fe", "24,5c4fa545d4b27aa7"})
    void stateTraceThroughTheFirstPass(int positions, String expected) {
        byte[] key = MbkKey.of("ABCDEFGHIJKLMNOPQRST").digestKey();
        assertEquals(expected, Hex.lower(Digest.afterPositions(key, new byte[4], positions)));
    }

    @Test
    void theFinalTraceStateIsTheDigest() {
        assertArrayEquals(Hex.parse("5c4fa545d4b27aa7"), Digest.compute(MbkKey.of("ABCDEFGHIJKLMNOPQRST"), new byte[4]));
    }

    @Test
    void charactersAfterTheSixteenthDoNotChangeTheDigest() {
        byte[] m = Hex.parse("300034020000000000");
        assertArrayEquals(Digest.compute(MbkKey.of("ABCDEFGHIJKLMNOP"), m), Digest.compute(MbkKey.of("ABCDEFGHIJKLMNOPzzzz"), m));
    }

    @Test
    void aMessageOfExactlyOnePassGetsNoPaddingPass() {
        // 16-byte key: R = 24 positions, 192 message bytes per pass; a 193rd byte forces a second pass
        MbkKey key = MbkKey.of("ABCDEFGHIJKLMNOP");
        byte[] onePass = new byte[192];
        byte[] twoPasses = new byte[193];
        assertArrayEquals(Digest.afterPositions(key.digestKey(), onePass, 24), Digest.compute(key, onePass));
        assertEquals(false, java.util.Arrays.equals(Digest.afterPositions(key.digestKey(), twoPasses, 24),
                Digest.compute(key, twoPasses)), "the 193rd byte is digested in a second pass");
    }
}
