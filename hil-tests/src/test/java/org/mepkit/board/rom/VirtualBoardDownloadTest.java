package org.mepkit.board.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.board.BoardImages;
import org.mepkit.board.BoardOptions;
import org.mepkit.board.VirtualBoard;
import org.mepkit.board.firmware.DabblerFirmware;
import org.mepkit.board.firmware.FirmwareConfig;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.sim.max3232.Max3232Profile;

/** Flashing the twin through its console pty with the test-only ROM client, then booting what was written. */
class VirtualBoardDownloadTest {

    @TempDir
    Path dir;

    @Test
    void imagesWrittenThroughTheRomLoaderBootTheDabblerFirmware() throws Exception {
        FirmwareConfig nvs = FirmwareConfig.provisioned("lab", "pw-download-1", "ABCDEFGHIJKLMNOPQRST");
        try (VirtualBoard b = VirtualBoard.create(new BoardOptions(dir, 20, Max3232Profile.GENUINE, 1, null))) {
            b.setProgramJumper(true);
            b.powerOn();
            try (SerialLine host = JscPorts.open(b.consolePath(), LineSettings.CONSOLE)) {
                RomClient client = new RomClient(host);
                client.connect(10);
                assertArrayEquals(ChipIdentity.defaultEsp32().mac(), client.readMac());
                client.writeFlash(BoardImages.BOOTLOADER, BoardImages.bootloader());
                client.writeFlash(BoardImages.TABLE, BoardImages.partitionTable());
                client.writeFlash(BoardImages.NVS, BoardImages.nvs(nvs));
                client.writeFlash(BoardImages.APP0, BoardImages.app(DabblerFirmware.PROJECT));
                client.flashEnd(false);   // reboot: a software reset, still in download mode while J7 is fitted
            }
            b.setProgramJumper(false);   // the user removes J7 and presses EN
            b.reset();
            long end = System.nanoTime() + 5_000_000_000L;
            while (!b.transcript().contains("Queued request at index 0")) {
                if (System.nanoTime() > end) throw new AssertionError("the flashed app did not run:\n" + b.transcript());
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
            }
            assertTrue(b.transcript().contains("wifi_ssid: 'lab'"));
        }
    }

    @Test
    void aStubRebootIsASoftwareResetThatStaysInDownloadModeWhileJ7IsFitted() throws Exception {
        try (VirtualBoard b = VirtualBoard.create(new BoardOptions(dir, 20, Max3232Profile.GENUINE, 2, null))) {
            b.setProgramJumper(true);
            b.powerOn();
            try (SerialLine host = JscPorts.open(b.consolePath(), LineSettings.CONSOLE)) {
                RomClient client = new RomClient(host);
                client.connect(10);
                client.runStub(new byte[128], new byte[32], 0x4008_0400);
                assertEquals(0, client.sync(), "the stub answers SYNC with 0");
                client.flashEnd(false);   // FLASH_END with the reboot flag: esptool's stub reboot request
                awaitTranscript(b, "rst:0x3 (SW_RESET),boot:0x3 (DOWNLOAD_BOOT");
                client.connect(10);
                assertNotEquals(0, client.sync(), "after the soft reset the ROM answers SYNC with a non-zero value again");
                assertTrue(!b.transcript().contains("Queued request at index 0"), "no app was started:\n" + b.transcript());
            }
        }
    }

    @Test
    void aHostClosingTheConsoleResetsTheLoaderAndTheNextHostMeetsTheRom() throws Exception {
        try (VirtualBoard b = VirtualBoard.create(new BoardOptions(dir, 20, Max3232Profile.GENUINE, 3, null))) {
            b.setProgramJumper(true);
            b.powerOn();
            assertTrue(b.consolePath().startsWith("/dev/pts/"), b.consolePath());
            long hangups;
            try (SerialLine host = JscPorts.open(b.consolePath(), LineSettings.CONSOLE)) {
                RomClient client = new RomClient(host);
                client.connect(10);
                client.runStub(new byte[128], new byte[32], 0x4008_0400);
                assertEquals(0, client.sync(), "the stub answers SYNC with 0");
                // counted while this host is connected: hang-ups seen before it opened (no host yet) don't count
                hangups = b.consoleHangups();
            }
            long end = System.nanoTime() + 5_000_000_000L;
            while (b.consoleHangups() == hangups) {
                if (System.nanoTime() > end) throw new AssertionError("the board did not see the host close the console");
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
            }
            try (SerialLine again = JscPorts.open(b.consolePath(), LineSettings.CONSOLE)) {
                RomClient client = new RomClient(again);
                client.connect(10);
                assertNotEquals(0, client.sync(), "a ROM answers SYNC with a non-zero value, the stub with 0");
                client.runStub(new byte[128], new byte[32], 0x4008_0400);   // the stub greeting is needed again
                assertEquals(0, client.sync(), "the re-uploaded stub answers SYNC with 0");
            }
        }
    }

    @Test
    void afterAStubSessionJ7OffAndAPowerCycleWithNoHostBootTheAppAndNoLoaderAnswers() throws Exception {
        FirmwareConfig nvs = FirmwareConfig.provisioned("lab", "pw-download-2", "ABCDEFGHIJKLMNOPQRST");
        try (VirtualBoard b = VirtualBoard.create(new BoardOptions(dir, 20, Max3232Profile.GENUINE, 4, null))) {
            BoardImages.provision(b.flash(), DabblerFirmware.PROJECT, nvs);
            b.setProgramJumper(true);
            b.powerOn();
            long hangups;
            try (SerialLine host = JscPorts.open(b.consolePath(), LineSettings.CONSOLE)) {
                RomClient client = new RomClient(host);
                client.connect(10);
                client.runStub(new byte[128], new byte[32], 0x4008_0400);   // esptool leaves the stub running
                hangups = b.consoleHangups();
            }
            long end = System.nanoTime() + 5_000_000_000L;
            while (b.consoleHangups() == hangups) {
                if (System.nanoTime() > end) throw new AssertionError("the board did not see the host close the console");
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
            }
            b.setProgramJumper(false);   // no host on the console while the user works the jumper and the power
            b.powerOff();
            b.powerOn();
            awaitTranscript(b, "Queued request at index 0");
            try (SerialLine again = JscPorts.open(b.consolePath(), LineSettings.CONSOLE)) {
                RomClient client = new RomClient(again);
                java.io.IOException silent = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                        () -> client.connect(3), "a running app does not answer the ROM loader's SYNC");
                assertTrue(silent.getMessage().startsWith("Failed to connect"), silent.getMessage());
            }
        }
    }

    private static void awaitTranscript(VirtualBoard b, String text) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!b.transcript().contains(text)) {
            if (System.nanoTime() > end) throw new AssertionError("no '" + text + "' on the console:\n" + b.transcript());
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        }
    }
}
