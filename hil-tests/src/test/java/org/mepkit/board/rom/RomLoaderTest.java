package org.mepkit.board.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.esp.rom.Esp32Rom;
import org.mepkit.esp.rom.LoaderCommand;
import org.mepkit.esp.rom.LoaderRequest;
import org.mepkit.esp.rom.LoaderRequests;
import org.mepkit.esp.rom.LoaderResponse;
import org.mepkit.esp.rom.StatusLayout;
import org.mepkit.util.Hex;

/** The loader's protocol logic, frame in / frames out, without a line. */
class RomLoaderTest {

    private final VirtualFlash flash = VirtualFlash.inMemory(VirtualFlash.DEFAULT_SIZE);
    private final RomLoader loader = new RomLoader(flash, ChipIdentity.defaultEsp32());

    private List<byte[]> send(LoaderRequest r) {
        return loader.handle(r.encode());
    }

    private LoaderResponse one(LoaderRequest r) throws Exception {
        List<byte[]> out = send(r);
        assertEquals(1, out.size(), "one response to " + r);
        return LoaderResponse.decode(out.get(0));
    }

    @Test
    void romAnswersSyncEightTimesWithANonZeroValue() throws Exception {
        List<byte[]> out = send(LoaderRequests.sync());
        assertEquals(8, out.size());
        for (byte[] f : out) {
            LoaderResponse r = LoaderResponse.decode(f);
            assertEquals(LoaderCommand.SYNC.id(), r.command());
            assertEquals(0x20120707, r.value());
            assertArrayEquals(new byte[4], r.data());
        }
    }

    @Test
    void answersTheChipDetectReadExactlyLikeARealEsp32() {
        byte[] reply = send(LoaderRequests.readReg(Esp32Rom.CHIP_DETECT_MAGIC_REG)).get(0);
        assertEquals("010a0400831df00000000000", Hex.lower(reply));
    }

    @Test
    void rejectsGetSecurityInfoAsAnEsp32RomDoes() throws Exception {
        LoaderResponse r = one(LoaderRequests.getSecurityInfo());
        assertArrayEquals(new byte[] {1, 5, 0, 0}, r.data());
    }

    @Test
    void ignoresASyncWithTheWrongPayload() {
        assertTrue(send(LoaderRequest.of(LoaderCommand.SYNC, new byte[36])).isEmpty());
    }

    @Test
    void memEndWithAnEntryStartsTheStubWhichGreetsAndUsesTwoByteStatus() throws Exception {
        assertTrue(one(LoaderRequests.memBegin(16, 1, Esp32Rom.RAM_BLOCK, 0x40080000)).succeeded(StatusLayout.ROM));
        assertTrue(one(LoaderRequests.memData(new byte[16], 0)).succeeded(StatusLayout.ROM));
        List<byte[]> out = send(LoaderRequests.memEnd(0x40080400));
        assertEquals(2, out.size());
        assertArrayEquals(new byte[4], LoaderResponse.decode(out.get(0)).data(), "MEM_END answered by the ROM");
        assertArrayEquals("OHAI".getBytes(), out.get(1));
        assertEquals(Personality.STUB, loader.personality());
        List<byte[]> syncs = send(LoaderRequests.sync());
        assertEquals(8, syncs.size(), "the stub answers SYNC eight times too");
        for (byte[] f : syncs) assertArrayEquals(new byte[] {1, 8, 2, 0, 0, 0, 0, 0, 0, 0}, f, "value 0, 2-byte status");
        assertEquals(2, one(LoaderRequests.readReg(Esp32Rom.CHIP_DETECT_MAGIC_REG)).data().length);
    }

    @Test
    void romOnlyAndStubOnlyCommandsAreRefusedByTheOtherPersonality() throws Exception {
        assertArrayEquals(new byte[] {1, 5, 0, 0}, one(LoaderRequests.eraseFlash()).data());
        send(LoaderRequests.memEnd(0x40080400));
        assertArrayEquals(new byte[] {(byte) 0xFF, 0}, one(LoaderRequests.readFlashSlow(0, 64)).data());
    }

    @Test
    void aBadBlockChecksumIsReportedWithTheRomOrStubCode() throws Exception {
        one(LoaderRequests.flashBegin(0x400, 1, 0x400, 0x10000, false));
        LoaderRequest good = LoaderRequests.flashData(new byte[0x400], 0);
        LoaderRequest bad = new LoaderRequest(good.command(), good.checksum() ^ 1, good.data());
        assertArrayEquals(new byte[] {1, 7, 0, 0}, one(bad).data(), "ROM: 0107 checksum error");
        send(LoaderRequests.memEnd(0x40080400));
        one(LoaderRequests.flashBegin(0x400, 1, 0x4000, 0x10000, true));
        assertArrayEquals(new byte[] {(byte) 0xC1, 0}, one(bad).data(), "stub: C100 bad data checksum");
    }

    @Test
    void changeBaudIsAcknowledgedAndReportedOnce() throws Exception {
        assertTrue(one(LoaderRequests.changeBaudrate(460800, 0)).succeeded(StatusLayout.ROM));
        assertEquals(460800, loader.takePendingBaud());
        assertEquals(null, loader.takePendingBaud());
    }

    @Test
    void flashEndWithRebootEndsTheSessionAndResetReturnsToRom() throws Exception {
        send(LoaderRequests.memEnd(0x40080400));
        one(LoaderRequests.flashDeflBegin(4, 1, 0x4000, 0x10000, true));
        assertTrue(one(LoaderRequests.flashDeflEnd(false)).succeeded(StatusLayout.STUB));
        assertEquals(Optional.of(SessionEnd.REBOOT), loader.takeExit());
        loader.reset();
        assertEquals(Personality.ROM, loader.personality());
    }

    @Test
    void stayFlagKeepsTheStubRunning() throws Exception {
        send(LoaderRequests.memEnd(0x40080400));
        one(LoaderRequests.flashDeflEnd(true));
        assertFalse(loader.takeExit().isPresent());
    }

    @Test
    void writeRegWithAMaskKeepsTheOtherBits() throws Exception {
        one(LoaderRequests.writeReg(0x3FF00010, 0x12345678, 0xFFFFFFFF, 0));
        one(LoaderRequests.writeReg(0x3FF00010, 0x0000AB00, 0x0000FF00, 0));
        assertEquals(0x1234AB78, one(LoaderRequests.readReg(0x3FF00010)).value());
    }

    @Test
    void aMalformedRequestGetsAnInvalidMessageStatus() throws Exception {
        byte[] lying = Hex.parse("000a0800000000000010");   // claims 8 data bytes, has 2
        LoaderResponse r = LoaderResponse.decode(loader.handle(lying).get(0));
        assertArrayEquals(new byte[] {1, 5, 0, 0}, r.data());
        assertTrue(loader.handle(Hex.parse("0101")).isEmpty(), "a response-direction frame is ignored");
    }
}
