package org.mepkit.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.mepkit.mep.frame.Request;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.util.Hex;

/** The meter the bench plays: sequence rule, digest check, table slices. */
class BenchMeterTest {

    static final String KEY = "ABCDEFGHIJKLMNOPQRST";
    final BenchMeter meter = new BenchMeter(KEY, MeterValues.sample(), 5);

    byte[] request(String body, long seq, String key) {
        return new Request(Hex.parse(body), seq).encode(MbkKey.of(key));
    }

    @Test
    void anUnexpectedSequenceNumberDrawsOx0cWithTheExpectedOne() {
        byte[] resync = meter.answer(request("3000340200", 0, KEY), 0);
        assertEquals("00050c00000005", Hex.lower(bare(resync)));
        assertEquals(7 + 8, resync.length, "like a real meter's, every reply ends in 8 trailer bytes");
        byte[] clock = meter.answer(request("3000340200", 5, KEY), 0);
        assertEquals("000a00000718031c11171b04", Hex.lower(bare(clock)), "BT52 data 2024-03-28 17:23:27");
        assertEquals(0x0C, meter.answer(request("3000340200", 5, KEY), 0)[2], "a reused number is refused");
    }

    @Test
    void aWrongDigestIsAnAuthenticationFailure() {
        assertArrayEquals(new byte[] {0, 1, 0x0B}, bare(meter.answer(request("3000340200", 5, "WRONGWRONGWRONGWRONG"), 0)));
        assertEquals(false, meter.seen().get(0).digestOk());
    }

    @Test
    void aPartialReadReturnsTheSliceAndBt23HoldsTheEnergyLittleEndian() {
        byte[] r = meter.answer(request("3f0017000000000d", 5, KEY), 0);
        assertEquals(5 + 13 + 8, r.length);
        assertEquals(12_345_678, (r[5] & 0xFF) | (r[6] & 0xFF) << 8 | (r[7] & 0xFF) << 16 | (r[8] & 0xFF) << 24);
    }

    @Test
    void aSilentMeterRecordsButDoesNotAnswer() {
        meter.setSilent(true);
        assertNull(meter.answer(request("3000340200", 5, KEY), 42));
        assertEquals(42, meter.seen().get(0).atMillis());
    }

    @Test
    void aPartialReadPastATablesEndIsZeroFilledAndAMissingTableIsUnsupported() {
        byte[] r = meter.answer(request("3f0034000005" + "0004", 5, KEY), 0);
        assertEquals("0007000004" + "1b040000", Hex.lower(bare(r)), "BT52 bytes 5..6, then zeros");
        assertEquals(0x02, meter.answer(request("3000630200", 6, KEY), 0)[2], "BT99 is no table of the bench meter");
        assertEquals(2, meter.seen().size());
    }

    @Test
    void aRestartForgetsWhatWasSeenAndWantsTheFirstNumberAgain() {
        meter.answer(request("3000340200", 5, KEY), 0);
        meter.restart();
        assertEquals(0, meter.seen().size());
        assertEquals(0x00, meter.answer(request("3000340200", 5, KEY), 0)[2]);
    }

    /** The reply without the meter's 8-byte trailer (its content is unknown and nothing reads it). */
    static byte[] bare(byte[] reply) {
        byte[] b = java.util.Arrays.copyOf(reply, reply.length - 8);
        int len = (((b[0] & 0xFF) << 8) | (b[1] & 0xFF)) - 8;
        b[0] = (byte) (len >>> 8);
        b[1] = (byte) len;
        return b;
    }
}
