package org.mepkit.board.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mepkit.mep.frame.Request;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.util.Hex;

/**
 * The twin builds its packets with host's codec ({@code Request.encode}); they equal the reference vectors
 * (mep-protocol.md §5.5), and its buffer dumps use the firmware's format.
 */
class TwinWireTest {

    @ParameterizedTest
    @CsvSource({
            "00000000000000000000, 3000340200, 0, 0011300034020000000000cb6a08ffa57a7c18",
            "ABCDEFGHIJKLMNOPQRST, 3000340200, 0, 001130003402000000000071691ecd24e242b2",
            "ABCDEFGHIJKLMNOP, 3000340200, 0, 001130003402000000000071691ecd24e242b2",
            "Ab3dE6, 3000340200, 0, 00113000340200000000002391f0037eea5f0f",
            "mK7#pQ2v9LxT4wZb8NcR, 3f0017000000000d, 523124044, 00143f0017000000000d1f2e3d4c314c7740afb2f87f",
            "mK7#pQ2v9LxT4wZb8NcR, 400007000d27080504010600010203040506, 42, 001e400007000d270805040106000102030405060000002a0f62fd2947fd942f",
            "ABCDEFGHIJKLMNOPQRST, '', 0, 000c000000005c4fa545d4b27aa7",
            "00000000000000000000, '', 4294967295, 000cffffffff213f0fc107e713e3",
    })
    void requestsEqualTheReferenceVectors(String key, String body, long seq, String packet) {
        byte[] built = new Request(Hex.parse(body), seq).encode(MbkKey.of(key));
        assertEquals(packet, Hex.lower(built));
        assertTrue(Request.digestMatches(built, MbkKey.of(key)));
        assertFalse(Request.digestMatches(built, MbkKey.of("some-other-key")));
    }

    @Test
    void buffersAreDumpedAs0xAndUpperCasePairsWithoutSeparators() {
        assertEquals("0x00050C0000", DabblerFirmware.dump(Hex.parse("00050c0000ffff"), 5));
        assertEquals("0x", DabblerFirmware.dump(new byte[8], 0));
    }
}
