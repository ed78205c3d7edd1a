package org.mepkit.mep.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.util.Hex;

class ResponsesTest {

    @Test
    void aReadReplyCarriesCodeCountAndData() {
        // BT52 data 18 03 1C 11 17 1B 04 (mep-protocol.md §9.5 example): L = 1 + 2 + 7 = 10
        byte[] packet = Hex.parse("000a 00 0007 18031c11171b04");
        var data = assertInstanceOf(Response.Data.class, Responses.parse(packet));
        assertEquals("18031c11171b04", Hex.lower(data.tableData()));
        assertEquals(0, data.trailer().length);
        assertArrayEquals(packet, Responses.data(Hex.parse("18031c11171b04")));
    }

    @Test
    void aTrailerAfterTheDataIsKeptApart() {
        MbkKey key = MbkKey.of("ABCDEFGHIJKLMNOPQRST");
        byte[] packet = Responses.withTrailer(Responses.data(Hex.parse("0102")), key, 0x11223344L);
        assertEquals(2 + 1 + 2 + 2 + 8, packet.length);
        assertEquals(packet.length - 2, Wire.u16be(packet, 0), "the length field covers the trailer");
        var data = assertInstanceOf(Response.Data.class, Responses.parse(packet));
        assertEquals("0102", Hex.lower(data.tableData()));
        byte[] trailer = data.trailer();
        // the virtual meter's filling (real content unknown): the §5 routine over code ‖ count ‖ data ‖ request seq
        byte[] message = Hex.parse("00 0002 0102 11223344");
        assertEquals(Hex.lower(Digest.compute(key, message)), Hex.lower(trailer));
    }

    @Test
    void aCodeOnlySuccessHasNoData() {
        var data = assertInstanceOf(Response.Data.class, Responses.parse(Responses.ok()));
        assertEquals(0, data.tableData().length);
        assertEquals("000100", Hex.lower(Responses.ok()));
    }

    @Test
    void aSequenceResyncCarriesTheExpectedNumberBigEndian() {
        byte[] packet = Responses.sequenceResync(0xDEADBEEFL);
        assertEquals("00050cdeadbeef", Hex.lower(packet));
        var resync = assertInstanceOf(Response.SequenceResync.class, Responses.parse(packet));
        assertEquals(0xDEADBEEFL, resync.expectedSequence());
        // a trailer after the number is accepted
        assertEquals(7L, ((Response.SequenceResync) Responses.parse(Hex.parse("00090c00000007aabbccdd"))).expectedSequence());
    }

    @Test
    void theAlertIsTwoZeroBytes() {
        assertEquals("0000", Hex.lower(Responses.alert()));
        assertInstanceOf(Response.Alert.class, Responses.parse(Hex.parse("0000")));
    }

    @ParameterizedTest
    @EnumSource(value = ResponseCode.class, names = {"UNRECOGNIZED_REQUEST", "UNSUPPORTED_REQUEST", "NO_PERMISSION",
            "OPERATION_NOT_POSSIBLE", "TABLE_OPERATION_NOT_POSSIBLE", "AUTHENTICATION_FAILURE"})
    void everyRefusalCodeRoundTrips(ResponseCode code) {
        byte[] packet = Responses.failure(code);
        assertEquals(String.format("0001%02x", code.code()), Hex.lower(packet));
        var failure = assertInstanceOf(Response.Failure.class, Responses.parse(packet));
        assertEquals(code, failure.code());
        assertEquals(code.code(), failure.rawCode());
        MeterRefusedException e = failure.toException();
        assertEquals(code, e.code());
        assertEquals(code == ResponseCode.AUTHENTICATION_FAILURE, e.isAuthenticationFailure());
        assertEquals(code == ResponseCode.AUTHENTICATION_FAILURE, e instanceof AuthenticationFailureException);
    }

    @Test
    void anUnlistedCodeIsUnknownAndKeepsItsByte() {
        var failure = assertInstanceOf(Response.Failure.class, Responses.parse(Hex.parse("000177")));
        assertEquals(ResponseCode.UNKNOWN, failure.code());
        assertEquals(0x77, failure.rawCode());
        assertEquals(ResponseCode.UNKNOWN, ResponseCode.of(-1));
        assertEquals(ResponseCode.INVALID_SEQUENCE, ResponseCode.of(0x0C));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource({
            "'', 'response truncated: 0 byte(s), the length field alone takes 2'",
            "00, 'response truncated: 1 byte(s), the length field alone takes 2'",
            "000a000007180311, 'response truncated: the length field says 12 bytes, only 8 given'",
            "00010000, response has 1 byte(s) after the 3 the length field covers",
            "01fe00, 'response length field 0x01FE (510) is oversize: at most 511 bytes per packet are accepted'",
            "00020000, read reply cut short inside its 2-byte count field",
            "0005000009aabb, 'read reply truncated: count field says 9 data bytes, only 2 follow'",
            "00040c000000, 0x0C reply without its 4-byte sequence number (length field 4)"})
    void malformedRepliesThrowTypedErrorsNamingTheProblem(String hex, String message) {
        var e = assertThrows(MalformedFrameException.class, () -> Responses.parse(Hex.parse(hex)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theLargestAcceptedReplyIs511Bytes() {
        byte[] biggest = Responses.data(new byte[511 - 5]);
        assertEquals(511, biggest.length);
        assertInstanceOf(Response.Data.class, Responses.parse(biggest));
        assertThrows(MalformedFrameException.class, () -> Responses.parse(Responses.data(new byte[512 - 5])));
        assertInstanceOf(Response.Data.class, Responses.parse(Responses.data(new byte[512 - 5]), 600));
    }

    @Test
    void encodersRefuseCodesThatNeedAnotherForm() {
        assertThrows(IllegalArgumentException.class, () -> Responses.failure(ResponseCode.OK));
        assertThrows(IllegalArgumentException.class, () -> Responses.failure(ResponseCode.INVALID_SEQUENCE));
        assertThrows(IllegalArgumentException.class, () -> Responses.failure(ResponseCode.UNKNOWN));
        assertThrows(IllegalArgumentException.class, () -> Responses.sequenceResync(-1));
        assertThrows(IllegalArgumentException.class, () -> Responses.failure(256));
    }

    @Test
    void anAuthenticationFailureMessageSaysTheKeyIsWrong() {
        var e = MeterRefusedException.of(ResponseCode.AUTHENTICATION_FAILURE);
        assertTrue(e.getMessage().contains("MBK key is wrong"));
        assertFalse(MeterRefusedException.of(ResponseCode.NO_PERMISSION).isAuthenticationFailure());
    }
}
