package org.mepkit.board.rom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyMasterLine;

/** A host closing a real pty ends the session and puts the loader back into ROM state, as a chip reset would. */
class RomLoaderHostCloseTest {

    private final ExecutorService board = Executors.newSingleThreadExecutor();
    private final RomLoader loader = new RomLoader(VirtualFlash.inMemory(VirtualFlash.DEFAULT_SIZE), ChipIdentity.defaultEsp32());
    private PtyMasterLine pty;

    @AfterEach
    void stop() throws Exception {
        loader.requestStop();
        board.shutdownNow();
        assertTrue(board.awaitTermination(5, TimeUnit.SECONDS));
        if (pty != null) pty.close();
    }

    @Test
    void closingThePortMeansResetAndTheNextHostMeetsTheRom() throws Exception {
        pty = PtyMasterLine.open(LineSettings.CONSOLE);
        SerialLine host = JscPorts.open(pty.slavePath(), LineSettings.CONSOLE);
        pty.releaseSlave();
        Future<SessionEnd> session = board.submit(() -> loader.serve(pty));
        RomClient client = new RomClient(host);
        client.connect(5);
        client.runStub(new byte[128], new byte[32], 0x4008_0400);
        assertEquals(Personality.STUB, loader.personality());
        host.close();
        assertEquals(SessionEnd.HOST_CLOSED, session.get(5, TimeUnit.SECONDS));
        assertEquals(Personality.ROM, loader.personality());

        SerialLine next = JscPorts.open(pty.slavePath(), LineSettings.CONSOLE);
        try {
            Future<SessionEnd> again = board.submit(() -> loader.serve(pty));
            assertNotEquals(0, new RomClient(next).sync(), "a ROM answers SYNC with a non-zero value, the stub with 0");
            assertTrue(!again.isDone());
        } finally {
            next.close();
        }
    }
}
