package org.mepkit.board.rom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.esp.rom.Esp32Rom;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.memory.LinePair;

/** Each injected fault shows up at the client the way esptool would notice it. */
class LoaderFaultTest {

    private final ExecutorService board = Executors.newSingleThreadExecutor();
    private final VirtualFlash flash = VirtualFlash.inMemory(VirtualFlash.DEFAULT_SIZE);
    private final RomLoader loader = new RomLoader(flash, ChipIdentity.defaultEsp32());
    private RomClient client;

    @BeforeEach
    void start() {
        LinePair pair = LinePair.create("memory:host", "memory:board", LineSettings.CONSOLE);
        board.submit(() -> loader.serve(pair.b()));
        client = new RomClient(pair.a());
    }

    @AfterEach
    void stop() throws Exception {
        loader.requestStop();
        board.shutdownNow();
        assertTrue(board.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void silentLoaderNeverSyncs() {
        loader.inject(new LoaderFault.Silent());
        IOException e = assertThrows(IOException.class, () -> client.connect(3));
        assertTrue(e.getMessage().contains("timeout"), e.getMessage());
    }

    @Test
    void noiseArrivesOutsideFrames() throws Exception {
        loader.inject(new LoaderFault.Noise(0x55));
        client.connect(3);
        assertEquals(1, client.strayBytes(), "one stray byte before the SYNC replies");
    }

    @Test
    void truncatedRepliesNeverComplete() {
        loader.inject(new LoaderFault.TruncatedReply());
        assertThrows(IOException.class, () -> client.sync());
    }

    @Test
    void wrongChipMagic() throws Exception {
        loader.inject(new LoaderFault.WrongChip(0x000007C6));   // an ESP32-S2's magic
        client.connect(3);
        assertEquals(0x000007C6, client.readReg(Esp32Rom.CHIP_DETECT_MAGIC_REG));
    }

    @Test
    void badChecksumRefusesBlocks() throws Exception {
        loader.inject(new LoaderFault.BadChecksum());
        client.connect(3);
        client.spiAttach();
        RomClient.LoaderFailure f = assertThrows(RomClient.LoaderFailure.class, () -> client.writeFlash(0x10000, new byte[100]));
        assertEquals(0x07, f.errorCode);
    }

    @Test
    void corruptWritesFailTheMd5() throws Exception {
        loader.inject(new LoaderFault.CorruptWrites());
        byte[] image = RomLoaderSessionTest.randomBytes(4096, 8);
        client.connect(3);
        client.spiAttach();
        client.writeFlash(0x10000, image);
        assertNotEquals(RomLoaderSessionTest.md5Hex(image), client.flashMd5(0x10000, image.length));
        loader.inject(LoaderFault.NONE);
        client.writeFlash(0x10000, image);
        assertEquals(RomLoaderSessionTest.md5Hex(image), client.flashMd5(0x10000, image.length));
    }
}
