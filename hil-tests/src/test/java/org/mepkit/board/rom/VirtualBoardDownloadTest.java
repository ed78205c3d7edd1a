package org.mepkit.board.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.board.BoardImages;
import org.mepkit.board.BoardOptions;
import org.mepkit.board.VirtualBoard;
import org.mepkit.board.firmware.DabblerFirmware;
import org.mepkit.board.firmware.FirmwareConfig;
import org.mepkit.board.pty.PtyLine;
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
            try (SerialLine host = PtyLine.open(b.consolePath(), LineSettings.CONSOLE)) {
                RomClient client = new RomClient(host);
                client.connect(10);
                assertArrayEquals(ChipIdentity.defaultEsp32().mac(), client.readMac());
                client.writeFlash(BoardImages.BOOTLOADER, BoardImages.bootloader());
                client.writeFlash(BoardImages.TABLE, BoardImages.partitionTable());
                client.writeFlash(BoardImages.NVS, BoardImages.nvs(nvs));
                client.writeFlash(BoardImages.APP0, BoardImages.app(DabblerFirmware.PROJECT));
                client.flashEnd(false);
            }
            long end = System.nanoTime() + 5_000_000_000L;
            while (!b.transcript().contains("Queued request at index 0")) {
                if (System.nanoTime() > end) throw new AssertionError("the flashed app did not run:\n" + b.transcript());
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
            }
            assertTrue(b.transcript().contains("wifi_ssid: 'lab'"));
        }
    }
}
