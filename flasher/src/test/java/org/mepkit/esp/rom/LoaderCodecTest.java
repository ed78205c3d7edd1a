package org.mepkit.esp.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mepkit.util.Hex;

class LoaderCodecTest {

    @Test
    void syncRequestIsTheFortyFourBytesEsptoolSends() {
        byte[] p = LoaderRequests.sync().encode();
        assertEquals(44, p.length);
        assertEquals("0008240000000000" + "07071220" + "55".repeat(32), Hex.lower(p));
    }

    @Test
    void decodesTheRealEsp32MagicRegisterReply() throws Exception {
        // esp32-flashing.md §6.9: real ESP32 READ_REG reply for the chip-detect magic
        LoaderResponse r = LoaderResponse.decode(Hex.parse("010a0400831df00000000000"));
        assertEquals(LoaderCommand.READ_REG.id(), r.command());
        assertEquals(Esp32Rom.CHIP_MAGIC, r.value());
        assertTrue(r.succeeded(StatusLayout.ROM));
        assertEquals(0, r.payload(StatusLayout.ROM).length);
    }

    @Test
    void encodesAReadRegReplyByteForByte() {
        LoaderResponse r = LoaderResponse.of(0x0A, Esp32Rom.CHIP_MAGIC, new byte[0], StatusLayout.ROM.success());
        assertEquals("010a0400831df00000000000", Hex.lower(r.encode()));
    }

    @Test
    void dataRequestsCarryTheXorChecksumOfTheBlockOnly() throws Exception {
        byte[] block = {1, 2, 3, (byte) 0xFF};
        LoaderRequest req = LoaderRequests.flashData(block, 7);
        assertEquals(0xEF ^ 1 ^ 2 ^ 3 ^ 0xFF, req.checksum());
        LoaderRequest back = LoaderRequest.decode(req.encode());
        assertEquals(req, back);
        assertEquals(4, back.dataBuffer().getInt(0));
        assertEquals(7, back.dataBuffer().getInt(4));
    }

    @Test
    void statusLayoutsDifferBetweenRomAndStub() {
        assertArrayEquals(new byte[] {1, 7, 0, 0}, StatusLayout.ROM.failure(LoaderError.INVALID_CRC));
        assertArrayEquals(new byte[] {(byte) 0xC1, 0}, StatusLayout.STUB.failure(LoaderError.STUB_BAD_DATA_CHECKSUM));
        assertEquals(0x07, StatusLayout.ROM.errorCode(StatusLayout.ROM.failure(LoaderError.INVALID_CRC)));
        assertFalse(StatusLayout.STUB.isSuccess(StatusLayout.STUB.failure(LoaderError.STUB_INFLATE_ERROR)));
    }

    @Test
    void rejectsFramesWhoseLengthFieldLies() {
        LoaderProtocolException e = assertThrows(LoaderProtocolException.class,
                () -> LoaderRequest.decode(Hex.parse("000a0800000000000010004000")));
        assertTrue(e.getMessage().contains("length field 8"), e.getMessage());
        assertThrows(LoaderProtocolException.class, () -> LoaderResponse.decode(Hex.parse("000a000000000000")));
        assertThrows(LoaderProtocolException.class, () -> LoaderRequest.decode(new byte[3]));
    }

    @Test
    void memEndAsksForExecutionWhenAnEntryIsGiven() {
        assertEquals("00000000" + "00100840", Hex.lower(LoaderRequests.memEnd(0x40081000).data()).substring(0, 16));
        assertEquals("01000000", Hex.lower(LoaderRequests.memEnd(0).data()).substring(0, 8));
    }
}
