package org.mepkit.sim.meter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mepkit.mep.frame.Request;
import org.mepkit.mep.frame.ResponseCode;
import org.mepkit.mep.frame.Responses;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.TableId;
import org.mepkit.util.Hex;

/** The meter's answer function on its own: digest, sequence rule, table serving, alerts before a reply. */
class MeterBrainTest {

    static final MbkKey KEY = MbkKey.of("ABCDEFGHIJKLMNOPQRST");
    static final MbkKey WRONG = MbkKey.of("WRONGWRONGWRONGWRONG");
    static final byte[] BT52_READ = Hex.parse("3000340200");
    static final byte[] CLOCK = {24, 3, 28, 17, 23, 27, 4};

    final List<String> writes = new ArrayList<>();
    final MeterBrain.Tables fixed = new MeterBrain.Tables() {
        final Map<TableId, byte[]> images = Map.of(TableId.BT52, CLOCK);

        @Override
        public byte[] read(TableId id) {
            return images.get(id);
        }

        @Override
        public byte[] write(TableId id, byte[] data) {
            writes.add(id + " " + Hex.lower(data));
            return Responses.ok();
        }
    };

    /** Bare replies (no trailer), so the tests can compare bytes with the reply builders. */
    MeterBrain strict() {
        return new MeterBrain(KEY, fixed, 500, MeterBrain.Rules.STRICT).withReplyTrailer(false);
    }

    MeterBrain lenient() {
        return new MeterBrain(KEY, fixed, 500, new MeterBrain.Rules(MeterBrain.FirstRequest.ACCEPT_INITIAL,
                MeterBrain.PastEnd.ZERO_FILL, ResponseCode.UNSUPPORTED_REQUEST)).withReplyTrailer(false);
    }

    static byte[] request(String body, long seq) {
        return new Request(Hex.parse(body), seq).encode(KEY);
    }

    @Test
    void aStrictMeterResyncsTheFirstRequestEvenWhenItCarriesTheRightNumber() {
        MeterBrain brain = strict();
        assertArrayEquals(Responses.sequenceResync(500), brain.answer(request("3000340200", 500)));
        assertArrayEquals(Responses.data(CLOCK), brain.answer(request("3000340200", 500)));
        assertArrayEquals(Responses.sequenceResync(501), brain.answer(request("3000340200", 500)), "a reused number is refused");
        assertArrayEquals(Responses.data(CLOCK), brain.answer(request("3000340200", 501)));
        assertEquals(2, brain.resyncsSent());
    }

    @Test
    void aMeterThatAcceptsTheInitialNumberServesTheFirstRequestAndWantsItAgainAfterRestart() {
        MeterBrain brain = lenient();
        assertArrayEquals(Responses.data(CLOCK), brain.answer(request("3000340200", 500)));
        brain.restart();
        assertArrayEquals(Responses.data(CLOCK), brain.answer(request("3000340200", 500)));
        assertEquals(0, brain.resyncsSent());
    }

    @Test
    void theSequenceNumberWrapsAfterU32Max() {
        MeterBrain brain = new MeterBrain(KEY, fixed, 0xFFFF_FFFFL, new MeterBrain.Rules(MeterBrain.FirstRequest.ACCEPT_INITIAL, MeterBrain.PastEnd.REFUSE,
                ResponseCode.TABLE_OPERATION_NOT_POSSIBLE));
        assertEquals(0x00, brain.answer(request("3000340200", 0xFFFF_FFFFL))[2]);
        assertEquals(0x00, brain.answer(request("3000340200", 0))[2]);
    }

    @Test
    void aWrongDigestIsAnAuthenticationFailureAndLeavesTheSequenceAlone() {
        MeterBrain brain = lenient();
        MeterBrain.Exchange x = brain.exchange(new Request(BT52_READ, 500).encode(WRONG));
        assertFalse(x.digestOk());
        assertEquals(0x0B, x.replyCode());
        assertArrayEquals(Responses.failure(ResponseCode.AUTHENTICATION_FAILURE), x.reply());
        assertEquals(1, brain.digestFailures());
        assertArrayEquals(Responses.data(CLOCK), brain.answer(request("3000340200", 500)), "500 is still expected");
    }

    @Test
    void somethingThatIsNoRequestGetsNothing() {
        MeterBrain brain = strict();
        assertNull(brain.answer(Responses.alert()));
        assertNull(brain.answer(Hex.parse("0003000000")));
        assertNull(brain.exchange(new byte[0]));
        assertNull(brain.listen(Hex.parse("00")));
    }

    @Test
    void listeningHearsTheRequestButNeitherAnswersNorMovesTheSequence() {
        MeterBrain brain = lenient();
        MeterBrain.Exchange heard = brain.listen(request("3000340200", 500));
        assertTrue(heard.digestOk());
        assertEquals(500, heard.request().sequence());
        assertNull(heard.reply());
        assertEquals(-1, heard.replyCode());
        assertArrayEquals(Responses.data(CLOCK), brain.answer(request("3000340200", 500)));
    }

    @Test
    void aPartialReadPastTheEndIsRefusedOrZeroFilledByTheRules() {
        String pastEnd = "3f0034" + "000005" + "0004";   // offset 5, 4 bytes of a 7-byte table
        MeterBrain refusing = strict();
        refusing.answer(request("3000340200", 1));
        assertArrayEquals(Responses.failure(ResponseCode.TABLE_OPERATION_NOT_POSSIBLE), refusing.answer(request(pastEnd, 500)));

        MeterBrain filling = lenient();
        assertArrayEquals(Responses.data(new byte[] {27, 4, 0, 0}), filling.answer(request(pastEnd, 500)));
        assertArrayEquals(Responses.data(new byte[3]), filling.answer(request("3f0034" + "000100" + "0003", 501)),
                "wholly past the end: all zeros");
        assertArrayEquals(Responses.data(new byte[] {3, 28}), filling.answer(request("3f0034" + "000001" + "0002", 502)));
    }

    @Test
    void aPartialReadTooLargeForAnyReplyIsRefusedNotThrown() {
        MeterBrain filling = lenient();
        long seq = 500;
        for (String count : new String[] {"fff5", "fffd", "ffff"}) {
            assertArrayEquals(Responses.failure(ResponseCode.TABLE_OPERATION_NOT_POSSIBLE),
                    filling.answer(request("3f0034" + "000000" + count, seq++)), "count 0x" + count);
        }
        assertEquals(0xfff4, MeterBrain.MAX_READ_COUNT, "the largest count whose reply still fits its length field");
        assertEquals(0x00, filling.withReplyTrailer(true).answer(request("3f0034" + "000000" + "fff4", seq))[2]);
    }

    @Test
    void aMissingTableGetsTheRulesRefusal() {
        MeterBrain strict = strict();
        strict.answer(request("3000340200", 1));
        assertEquals(0x05, strict.answer(request("3000010200", 500))[2]);
        assertEquals(0x02, lenient().answer(request("3000010200", 500))[2]);
    }

    @Test
    void writesGoToTheTablesAndUnknownCommandsAreUnrecognized() {
        MeterBrain brain = lenient();
        assertArrayEquals(Responses.ok(), brain.answer(request("40000700032708" + "05", 500)));
        assertEquals(List.of(TableId.BT07 + " 270805"), writes);
        assertArrayEquals(Responses.failure(ResponseCode.UNRECOGNIZED_REQUEST), brain.answer(request("20", 501)));
    }

    @Test
    void everyReplyEndsInEightTrailerBytesByDefaultAsOnRealMeters() {
        MeterBrain brain = new MeterBrain(KEY, fixed, 500, MeterBrain.Rules.STRICT);
        byte[] resync = brain.answer(request("3000340200", 7));
        assertEquals(7 + 8, resync.length, "0x0C reply: length, code, sequence, then the trailer");
        assertEquals(5 + 8, org.mepkit.mep.frame.Wire.u16be(resync, 0));
        assertEquals(500, ((org.mepkit.mep.frame.Response.SequenceResync) Responses.parse(resync)).expectedSequence());
        byte[] data = brain.answer(request("3000340200", 500));
        assertArrayEquals(Responses.withTrailer(Responses.data(CLOCK), KEY, 500), data);
        org.mepkit.mep.frame.Response.Data parsed = (org.mepkit.mep.frame.Response.Data) Responses.parse(data);
        assertArrayEquals(CLOCK, parsed.tableData(), "the decoders see the table data, not the trailer");
        assertEquals(8, parsed.trailer().length);
        byte[] write = brain.answer(request("4000070003270805", 501));
        org.mepkit.mep.frame.Response.Data ok = (org.mepkit.mep.frame.Response.Data) Responses.parse(write);
        assertEquals(0, ok.tableData().length, "a write's success reply gets a count of 0, never a count read from the trailer");
        assertEquals(8, ok.trailer().length);
    }

    @Test
    void aJumpMovesTheExpectedNumberAThousandOn() {
        MeterBrain brain = strict();
        assertArrayEquals(Responses.sequenceResync(500), brain.jumpSequence(), "before any request: the initial number");
        assertArrayEquals(Responses.sequenceResync(1500), brain.jumpSequence());
        assertArrayEquals(Responses.data(CLOCK), brain.answer(request("3000340200", 1500)));
    }

    @Test
    void alertsBeforeTheNextReplyAreTakenOnce() {
        MeterBrain brain = strict();
        brain.alertBeforeNextReply();
        brain.alertBeforeNextReply();
        assertEquals(2, brain.takeAlertsBeforeReply());
        assertEquals(0, brain.takeAlertsBeforeReply());
    }
}
