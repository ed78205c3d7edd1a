package org.mepkit.board.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.esp.rom.Esp32Rom;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyTesting;
import org.mepkit.serial.pty.SocatPair;

/**
 * The loader on a real serial line: a socat pty pair, the board's end opened with jSerialComm, the test client
 * (talking as esptool does) on the other end, also through jSerialComm.
 */
class RomLoaderPtyTest {

    @TempDir
    java.nio.file.Path dir;

    private final ExecutorService board = Executors.newSingleThreadExecutor();
    private SocatPair pair;
    private VirtualFlash flash;
    private RomLoader loader;
    private SerialLine boardSide;
    private SerialLine hostSide;
    private Future<SessionEnd> session;

    @BeforeEach
    void start() throws Exception {
        pair = PtyTesting.socatPair();
        flash = VirtualFlash.open(dir.resolve("flash.bin"));
        loader = new RomLoader(flash, ChipIdentity.defaultEsp32());
        boardSide = JscPorts.open(pair.pathB().toString(), LineSettings.CONSOLE);
        hostSide = JscPorts.open(pair.pathA().toString(), LineSettings.CONSOLE);
        session = board.submit(() -> loader.serve(boardSide));
    }

    @AfterEach
    void stop() throws Exception {
        loader.requestStop();
        board.shutdownNow();
        assertTrue(board.awaitTermination(5, TimeUnit.SECONDS), "loader thread ended");
        if (hostSide != null) hostSide.close();
        if (boardSide != null) boardSide.close();
        if (flash != null) flash.close();
        if (pair != null) pair.close();
    }

    @Test
    void esptoolStyleFlashIdAndStubWriteOverAPty() throws Exception {
        RomClient client = new RomClient(hostSide);
        client.connect(5);
        assertEquals(Esp32Rom.CHIP_MAGIC, client.readReg(Esp32Rom.CHIP_DETECT_MAGIC_REG));
        assertEquals("24:0a:c4:12:34:56", HexFormat.ofDelimiter(":").formatHex(client.readMac()));
        int id = client.spiFlashCommand(Esp32Rom.SPIFLASH_RDID, 24);
        assertEquals(0x1640C8, id);
        client.runStub(RomLoaderSessionTest.randomBytes(12_000, 3), new byte[256], 0x4008_0400);
        client.spiAttach();
        client.spiSetParams(4 * 1024 * 1024);
        byte[] app = RomLoaderSessionTest.randomBytes(200_000, 9);
        client.writeFlashDeflated(0x10000, app);
        client.flashDeflEnd(true);
        assertEquals(RomLoaderSessionTest.md5Hex(app), client.flashMd5(0x10000, app.length));
        assertArrayEquals(app, flash.read(0x10000, app.length));
        assertEquals(0, client.strayBytes());
    }

    @Test
    void romOnlyWriteOverAPtyLandsInTheFlashFile() throws Exception {
        RomClient client = new RomClient(hostSide);
        client.connect(5);
        client.spiAttach();
        client.spiSetParams(4 * 1024 * 1024);
        byte[] image = RomLoaderSessionTest.randomBytes(20_000, 4);
        client.writeFlash(0x1000, image);
        assertEquals(RomLoaderSessionTest.md5Hex(RomLoaderSessionTest.pad(image, 20 * 1024)), client.flashMd5(0x1000, 20 * 1024));
        loader.requestStop();
        assertEquals(SessionEnd.STOPPED, session.get(5, TimeUnit.SECONDS));
        flash.close();
        try (VirtualFlash reopened = VirtualFlash.open(dir.resolve("flash.bin"))) {
            assertArrayEquals(image, reopened.read(0x1000, image.length), "the write survives a restart");
        }
    }
}
