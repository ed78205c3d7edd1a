package org.mepkit.board.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.esp.rom.Esp32Rom;
import org.mepkit.esp.rom.LoaderRequest;
import org.mepkit.esp.rom.LoaderRequests;
import org.mepkit.esp.rom.LoaderResponse;
import org.mepkit.esp.rom.StatusLayout;

/** A twin's ROM loader answering as an ESP32-C3, frame by frame, as esptool v4.12/v5.3 identify a C3. */
class C3LoaderTest {

    private final RomLoader loader = new RomLoader(VirtualFlash.inMemory(VirtualFlash.DEFAULT_SIZE), ChipIdentity.defaultEsp32C3());

    private LoaderResponse ask(LoaderRequest request) throws Exception {
        List<byte[]> replies = loader.handle(request.encode());
        return LoaderResponse.decode(replies.get(0));
    }

    @Test
    void getSecurityInfoCarriesChipId5InTwentyBytesBeforeTheStatus() throws Exception {
        LoaderResponse r = ask(LoaderRequests.getSecurityInfo());
        assertTrue(r.succeeded(StatusLayout.ROM));
        ByteBuffer d = ByteBuffer.wrap(r.data()).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(20 + StatusLayout.ROM.length(), r.data().length);
        assertEquals(0, d.getInt(0), "no security flags");
        assertEquals(5, d.getInt(12), "chip id: ESP32-C3");
    }

    @Test
    void theEsp32AnswersGetSecurityInfoWithTheRomsInvalidMessage() throws Exception {
        RomLoader esp32 = new RomLoader(VirtualFlash.inMemory(VirtualFlash.DEFAULT_SIZE), ChipIdentity.defaultEsp32());
        LoaderResponse r = LoaderResponse.decode(esp32.handle(LoaderRequests.getSecurityInfo().encode()).get(0));
        assertEquals(false, r.succeeded(StatusLayout.ROM));
    }

    @Test
    void theMagicRegisterAndTheEfuseMacAreTheC3s() throws Exception {
        assertEquals(0x1B31506F, ask(LoaderRequests.readReg(Esp32Rom.CHIP_DETECT_MAGIC_REG)).value());
        int mac0 = ask(LoaderRequests.readReg(ChipFamily.C3_EFUSE_BLOCK1)).value();
        int mac1 = ask(LoaderRequests.readReg(ChipFamily.C3_EFUSE_BLOCK1 + 4)).value();
        byte[] mac = java.util.Arrays.copyOfRange(ByteBuffer.allocate(8).putInt(mac1).putInt(mac0).array(), 2, 8);
        assertEquals("58:cf:79:12:34:56", HexFormat.ofDelimiter(":").formatHex(mac));
        int word3 = ask(LoaderRequests.readReg(ChipFamily.C3_EFUSE_BLOCK1 + 12)).value();
        assertEquals(4, (word3 >> 18) & 7, "minor revision 4: revision v0.4");
        assertEquals(1, (word3 >> 27) & 7, "4 MB embedded flash");
    }

    @Test
    void theFlashIdComesThroughTheC3sSpi0Registers() throws Exception {
        int base = 0x60002000;
        loader.handle(LoaderRequests.writeReg(base + 0x20, (7 << 28) | Esp32Rom.SPIFLASH_RDID, 0xFFFFFFFF, 0).encode());
        loader.handle(LoaderRequests.writeReg(base, Esp32Rom.SPI_CMD_USR, 0xFFFFFFFF, 0).encode());
        assertEquals(0, ask(LoaderRequests.readReg(base)).value() & Esp32Rom.SPI_CMD_USR, "the command finished");
        int w0 = ask(LoaderRequests.readReg(base + 0x58)).value();
        assertArrayEquals(new int[] {0x20, 0x40, 0x16}, new int[] {w0 & 0xFF, (w0 >> 8) & 0xFF, (w0 >> 16) & 0xFF});
    }

    @Test
    void theStubAnswersGetSecurityInfoTooSoARunningStubIsStillAC3() throws Exception {
        loader.handle(LoaderRequests.memBegin(64, 1, 64, 0x4038_0000).encode());
        loader.handle(LoaderRequests.memData(new byte[64], 0).encode());
        List<byte[]> end = loader.handle(LoaderRequests.memEnd(0x4038_0400).encode());
        assertEquals(Personality.STUB, loader.personality(), "OHAI sent: " + end.size());
        LoaderResponse r = ask(LoaderRequests.getSecurityInfo());
        assertTrue(r.succeeded(StatusLayout.STUB));
        assertEquals(5, ByteBuffer.wrap(r.data()).order(ByteOrder.LITTLE_ENDIAN).getInt(12));
    }
}
