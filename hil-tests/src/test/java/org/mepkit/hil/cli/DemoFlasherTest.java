package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.bench.VirtualBenchFactory;
import org.mepkit.board.BoardImages;
import org.mepkit.board.BoardOptions;
import org.mepkit.board.VirtualBoard;
import org.mepkit.board.firmware.DabblerFirmware;
import org.mepkit.board.firmware.FirmwareConfig;
import org.mepkit.esptool.Esptool;
import org.mepkit.esptool.EsptoolException;
import org.mepkit.esptool.EsptoolLocator;
import org.mepkit.sim.max3232.Max3232Profile;

/**
 * {@code mep demo}'s flashing step: the flasher's plan, esptool run and boot check against a virtual
 * board. The real-esptool case runs only where the flasher's locator finds one ({@code $ESPTOOL},
 * PATH, python3 -m esptool, Arduino, PlatformIO) and is skipped with the reason otherwise.
 */
class DemoFlasherTest {

    static final FirmwareConfig CONFIG = VirtualBenchFactory.DEFAULT_NVS;

    @TempDir
    Path dir;

    VirtualBoard board() throws Exception {
        return VirtualBoard.create(new BoardOptions(dir.resolve("board"), 20, Max3232Profile.named("genuine"), 1, dir.resolve("flash.bin")));
    }

    @Test
    void withoutEsptoolTheSamePlannedImagesGoStraightIntoTheFlashAndTheBootIsChecked() throws Exception {
        try (VirtualBoard board = board()) {
            DemoFlasher.Result r = new DemoFlasher(board, dir.resolve("work"), dir.resolve("logs"), CONFIG).straightIntoFlash();

            assertFalse(r.esptoolUsed());
            assertTrue(r.summary().contains("esptool was NOT used"), r.summary());
            assertTrue(r.bootPassed(), "boot verdict " + r.bootVerdict());
            assertImagesInFlash(board);
            assertBootLogRedacted(r.bootLogFile());
        }
    }

    @Test
    void realEsptoolFlashesThroughTheRomLoaderAndTheBoardBootsTheApp() throws Exception {
        Esptool esptool = realEsptool();
        StringWriter out = new StringWriter();
        try (VirtualBoard board = board()) {
            DemoFlasher.Result r = new DemoFlasher(board, dir.resolve("work"), dir.resolve("logs"), CONFIG)
                    .withEsptool(esptool, new PrintWriter(out, true));

            assertTrue(r.esptoolUsed());
            assertTrue(r.summary().contains("5 region(s) written and read back from the board's flash"), r.summary() + "\n" + out);
            assertTrue(r.esptoolTail().stream().anyMatch(l -> l.contains("Hash of data verified.")), r.esptoolTail().toString());
            assertTrue(r.bootPassed(), "boot verdict " + r.bootVerdict() + "\n" + Files.readString(r.bootLogFile()));
            assertImagesInFlash(board);
            assertBootLogRedacted(r.bootLogFile());
            String boot = Files.readString(r.bootLogFile());
            assertEquals(1, boot.split("rst:0x", -1).length - 1, "exactly one boot after flashing:\n" + boot);
        }
    }

    static Esptool realEsptool() throws InterruptedException {
        try {
            return EsptoolLocator.system().locate(null);
        } catch (EsptoolException e) {
            Assumptions.abort("no real esptool: " + e.getMessage() + " (set ESPTOOL, e.g. \"/usr/bin/python3 /path/to/esptool.py\")");
            throw e;
        }
    }

    static void assertImagesInFlash(VirtualBoard board) {
        assertArrayEquals(BoardImages.bootloader(), read(board, BoardImages.BOOTLOADER, BoardImages.bootloader().length), "bootloader at 0x1000");
        assertArrayEquals(BoardImages.partitionTable(), read(board, BoardImages.TABLE, BoardImages.partitionTable().length), "table at 0x8000");
        assertArrayEquals(BoardImages.nvs(CONFIG), read(board, BoardImages.NVS, BoardImages.NVS_SIZE), "provisioned NVS at 0x9000");
        byte[] app = BoardImages.app(DabblerFirmware.PROJECT);
        assertArrayEquals(app, read(board, BoardImages.APP0, app.length), "dabbler app at 0x10000");
    }

    static byte[] read(VirtualBoard board, int offset, int length) {
        return board.flash().read(offset, length);
    }

    static void assertBootLogRedacted(Path file) throws Exception {
        String log = Files.readString(file);
        assertTrue(log.contains("Preferences are valid"), log);
        assertTrue(log.contains("wifi_ssid: '" + CONFIG.wifiSsid() + "'"), log);
        for (String secret : new String[] {CONFIG.wifiPassword(), CONFIG.mepKey(), CONFIG.userPassword()}) {
            if (!secret.isEmpty()) assertFalse(log.contains(secret), "secret in the stored boot log: " + file);
        }
        assertTrue(log.contains("***"), log);
    }
}
