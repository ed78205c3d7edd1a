package org.mepkit.board.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.esp.rom.Esp32Rom;
import org.mepkit.esp.rom.StatusLayout;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.memory.LinePair;

/** esptool-shaped conversations with {@link RomLoader#serve} over an in-memory line. */
class RomLoaderSessionTest {

    private final ExecutorService board = Executors.newSingleThreadExecutor();
    private final VirtualFlash flash = VirtualFlash.inMemory(VirtualFlash.DEFAULT_SIZE);
    private final ChipIdentity chip = ChipIdentity.defaultEsp32();
    private final RomLoader loader = new RomLoader(flash, chip);
    private LinePair pair;
    private Future<SessionEnd> session;
    private RomClient client;

    @BeforeEach
    void start() {
        pair = LinePair.create("memory:host", "memory:board", LineSettings.CONSOLE);
        session = board.submit(() -> loader.serve(pair.b()));
        client = new RomClient(pair.a());
    }

    @AfterEach
    void stop() throws Exception {
        loader.requestStop();
        board.shutdownNow();
        assertTrue(board.awaitTermination(5, TimeUnit.SECONDS), "loader thread ended");
    }

    @Test
    void identifiesAsEsptoolDoes() throws Exception {
        assertEquals(1, client.connect(5));
        assertEquals(Esp32Rom.CHIP_MAGIC, client.readReg(Esp32Rom.CHIP_DETECT_MAGIC_REG));
        assertThrows(RomClient.LoaderFailure.class, () -> client.check("security info",
                org.mepkit.esp.rom.LoaderRequests.getSecurityInfo()));
        assertEquals("24:0a:c4:12:34:56", HexFormat.ofDelimiter(":").formatHex(client.readMac()));
        assertEquals(3, client.majorRevision(), "ESP32-D0WD-V3 (revision v3.0)");
        int pkg = (client.readReg(Esp32Rom.EFUSE_RD_BASE + 12) >> 9) & 7;
        assertEquals(1, pkg, "package 1 = D0WD");
        int clkdiv = client.readReg(Esp32Rom.UART_CLKDIV) & Esp32Rom.UART_CLKDIV_MASK;
        assertEquals(40, Math.round(115200.0 * clkdiv / 1e6), "40 MHz crystal");
        int id = client.spiFlashCommand(Esp32Rom.SPIFLASH_RDID, 24);
        assertEquals(0xC8, id & 0xFF, "Manufacturer: c8");
        assertEquals("4016", String.format("%02x%02x", (id >> 8) & 0xFF, (id >> 16) & 0xFF), "Device: 4016");
        assertEquals(0, client.strayBytes(), "nothing outside frames");
    }

    @Test
    void writesVerifiesAndReadsBackWithoutTheStub() throws Exception {
        byte[] image = randomBytes(5000, 7);
        client.connect(5);
        client.spiAttach();
        client.spiSetParams(4 * 1024 * 1024);
        client.writeFlash(0x10000, image);
        assertEquals(md5Hex(pad(image, 5120)), client.flashMd5(0x10000, 5120), "ROM MD5 is hex text of the padded blocks");
        assertArrayEquals(Arrays.copyOf(image, 100), client.readFlashSlow(0x10000, 100));
        assertArrayEquals(image, flash.read(0x10000, image.length));
    }

    @Test
    void uploadsTheStubThenWritesCompressedErasesAndReads() throws Exception {
        byte[] app = randomBytes(70_000, 11);
        Arrays.fill(app, 30_000, 60_000, (byte) 0);   // compressible
        client.connect(5);
        client.runStub(randomBytes(9000, 1), randomBytes(700, 2), 0x4008_0400);
        assertEquals(StatusLayout.STUB, client.layout());
        assertEquals(0, client.sync(), "stub sync value");
        client.changeBaud(460800, 115200);
        client.spiAttach();
        client.spiSetParams(4 * 1024 * 1024);
        int compressed = client.writeFlashDeflated(0x10000, app);
        assertTrue(compressed < app.length, "really compressed: " + compressed);
        client.flashDeflEnd(true);
        assertEquals(md5Hex(app), client.flashMd5(0x10000, app.length), "stub MD5 is 16 raw bytes");
        assertArrayEquals(app, client.readFlash(0x10000, app.length));
        client.eraseRegion(0x10000, 0x1000);
        byte[] sector = flash.read(0x10000, 0x1000);
        for (byte b : sector) assertEquals((byte) 0xFF, b);
        client.eraseFlash();
        assertEquals(md5Hex(ff(0x20000)), client.flashMd5(0, 0x20000));
    }

    @Test
    void theCompressedPathWorksAgainstTheRomToo() throws Exception {
        byte[] app = randomBytes(3000, 5);
        client.connect(5);
        client.spiAttach();
        client.writeFlashDeflated(0x1000, app);
        assertEquals(md5Hex(app), md5Hex(flash.read(0x1000, app.length)));
    }

    @Test
    void closingThePortResetsTheLoaderToRom() throws Exception {
        client.connect(5);
        client.runStub(new byte[64], new byte[16], 0x4008_0400);
        pair.a().close();
        assertEquals(SessionEnd.HOST_CLOSED, session.get(5, TimeUnit.SECONDS));
        assertEquals(Personality.ROM, loader.personality());
        // the board reopens its side: a new host starts from the ROM again
        pair = LinePair.create("memory:host2", "memory:board2", LineSettings.CONSOLE);
        session = board.submit(() -> loader.serve(pair.b()));
        client = new RomClient(pair.a());
        assertTrue(client.sync() != 0, "ROM sync value after the reset");
    }

    @Test
    void aRebootRequestEndsTheSession() throws Exception {
        client.connect(5);
        client.runStub(new byte[64], new byte[16], 0x4008_0400);
        client.send(org.mepkit.esp.rom.LoaderRequests.flashDeflBegin(0, 0, 0x4000, 0x10000, true));
        client.readFrame(RomClient.DEFAULT_TIMEOUT);
        client.send(org.mepkit.esp.rom.LoaderRequests.flashDeflEnd(false));
        assertEquals(SessionEnd.REBOOT, session.get(5, TimeUnit.SECONDS));
    }

    @Test
    void requestStopEndsTheSessionWithinAPoll() throws Exception {
        client.connect(5);
        loader.requestStop();
        assertEquals(SessionEnd.STOPPED, session.get(5, TimeUnit.SECONDS));
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] pad(byte[] data, int length) {
        byte[] p = Arrays.copyOf(data, length);
        Arrays.fill(p, data.length, length, (byte) 0xFF);
        return p;
    }

    static byte[] ff(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 0xFF);
        return b;
    }

    static String md5Hex(byte[] data) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(data));
    }
}
