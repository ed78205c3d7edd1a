package org.mepkit.mep.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.TableId;
import org.mepkit.util.Hex;

class RequestTest {

    static List<TestVectors> vectors() {
        return TestVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void encodesEveryVectorByteForByte(TestVectors v) {
        assertEquals(Hex.lower(v.packet()), Hex.lower(new Request(v.body(), v.seq()).encode(MbkKey.of(v.key()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void decodesEveryVectorAndChecksItsDigest(TestVectors v) {
        Request r = Request.decode(v.packet());
        assertArrayEquals(v.body(), r.body());
        assertEquals(v.seq(), r.sequence());
        assertArrayEquals(v.digest(), Request.digestOf(v.packet()));
        assertTrue(Request.digestMatches(v.packet(), MbkKey.of(v.key())));
        assertFalse(Request.digestMatches(v.packet(), MbkKey.of("wrong-key")));
    }

    @Test
    void aChangedBitAnywhereAfterTheLengthBreaksTheDigest() {
        MbkKey key = MbkKey.of("mK7#pQ2v9LxT4wZb8NcR");
        byte[] packet = new Request(Command.fullRead(TableId.BT28), 65536).encode(key);
        for (int i = 2; i < packet.length; i++) {
            byte[] changed = packet.clone();
            changed[i] ^= 0x01;
            assertFalse(Request.digestMatches(changed, key), "bit flipped at byte " + i);
        }
    }

    @Test
    void theFirmwareBodiesBuildTheVectorPackets() {
        MbkKey alpha = MbkKey.of("ABCDEFGHIJKLMNOPQRST");
        assertEquals("001130003402000000000071691ecd24e242b2",
                Hex.lower(new Request(Command.fullRead(TableId.BT52), 0).encode(alpha)));
        assertEquals("00143f080b000001000100000007c484f18b69988b2a",
                Hex.lower(new Request(Command.partialRead(TableId.ET11, 1, 1), 7).encode(alpha)));
        assertEquals("001e400007000d270805040106000102030405060000002a0f62fd2947fd942f",
                Hex.lower(new Request(Command.procedureCall(ProcedureCall.EP39, 5, ProcedureCall.EP39_FIRMWARE_PARAMS), 42)
                        .encode(MbkKey.of("mK7#pQ2v9LxT4wZb8NcR"))));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 0x1F2E3D4CL, 0xFFFF_FFFFL})
    void roundTripsBodiesAndSequenceNumbers(long seq) {
        Random random = new Random(seq);
        for (int len : new int[] {0, 1, 5, 8, 191, 192, 193, Request.MAX_BODY_LENGTH}) {
            byte[] body = new byte[len];
            random.nextBytes(body);
            Request r = new Request(body, seq);
            byte[] packet = r.encode(MbkKey.of("k" + len));
            assertEquals(len + 14, packet.length);
            assertEquals(r, Request.decode(packet), "seed " + seq + " len " + len);
        }
    }

    @Test
    void refusesBadRequestValues() {
        assertThrows(IllegalArgumentException.class, () -> new Request(new byte[Request.MAX_BODY_LENGTH + 1], 0));
        assertThrows(IllegalArgumentException.class, () -> new Request(new byte[0], -1));
        assertThrows(IllegalArgumentException.class, () -> new Request(new byte[0], 0x1_0000_0000L));
    }

    @Test
    void malformedPacketsAreNamed() {
        assertEquals("request truncated: 1 byte(s), the length field alone takes 2",
                assertThrows(MalformedFrameException.class, () -> Request.decode(Hex.parse("00"))).getMessage());
        assertEquals("request length field 0x000B (11) is below 12: sequence and digest alone take 12",
                assertThrows(MalformedFrameException.class, () -> Request.decode(Hex.parse("000b" + "00".repeat(11)))).getMessage());
        assertEquals("request truncated: the length field says 19 bytes, only 18 given",
                assertThrows(MalformedFrameException.class, () -> Request.decode(Hex.parse("0011300034020000000000cb6a08ffa57a7c"))).getMessage());
        assertEquals("request has 1 byte(s) after the 19 the length field covers",
                assertThrows(MalformedFrameException.class, () -> Request.decode(Hex.parse("0011300034020000000000cb6a08ffa57a7c1800"))).getMessage());
        assertEquals("request length field 0xFFFF (65535) is oversize: the firmware buffer holds 512 bytes",
                assertThrows(MalformedFrameException.class, () -> Request.decode(Hex.parse("ffff00"))).getMessage());
        assertFalse(Request.digestMatches(Hex.parse("0011"), MbkKey.of("x")));
    }

    @Test
    void theBodyIsCopiedInAndOut() {
        byte[] body = {0x30, 0x00, 0x34, 0x02, 0x00};
        Request r = new Request(body, 3);
        body[0] = 0;
        r.body()[1] = 9;
        assertEquals("3000340200", Hex.lower(r.body()));
    }
}
