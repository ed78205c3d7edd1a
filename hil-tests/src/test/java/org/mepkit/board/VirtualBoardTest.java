package org.mepkit.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.board.firmware.DabblerFirmware;
import org.mepkit.board.firmware.FirmwareConfig;
import org.mepkit.sim.max3232.Max3232Profile;

/** The twin over real socat ptys: boot from flash, boot loops, NVS handling, persistence. */
class VirtualBoardTest {

    static final FirmwareConfig NVS = FirmwareConfig.provisioned("lab", "wifi-pass-9", "KEY-0123456789abcdef");

    @TempDir
    Path dir;

    VirtualBoard board(String name, Path flash) throws Exception {
        return VirtualBoard.create(new BoardOptions(dir.resolve(name), 20, Max3232Profile.GENUINE, 1, flash));
    }

    static void await(VirtualBoard b, Predicate<String> transcript, String what) {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!transcript.test(b.transcript())) {
            if (System.nanoTime() > end) throw new AssertionError("no " + what + " within 5 s; console:\n" + b.transcript());
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        }
    }

    @Test
    void aProvisionedFlashBootsTheDabblerModelWithTheNvsValues() throws Exception {
        try (VirtualBoard b = board("a", null)) {
            BoardImages.provision(b.flash(), DabblerFirmware.PROJECT, NVS);
            b.powerOn();
            await(b, t -> t.contains("Queued request at index 0\r\n"), "first request");
            String t = b.transcript();
            assertTrue(t.contains("rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n"), t);
            assertTrue(t.contains("Preferences are valid\r\nwifi_ssid: 'lab'\r\nwifi_pwd: 'wifi-pass-9'\r\n"), t);
            assertTrue(t.contains("mep_key: 'KEY-0123456789abcdef'\r\n"), "the twin prints secrets like the firmware");
            assertTrue(b.transceiver().powered() && b.transceiver().enabled());
            assertTrue(b.bootProblem().isEmpty());
        }
    }

    @Test
    void aBlankFlashBootLoopsWithTheRomMessagesAndStartsNoFirmware() throws Exception {
        try (VirtualBoard b = board("b", null)) {
            b.powerOn();
            await(b, t -> t.split("rst:", -1).length > 3, "three boot attempts");
            assertTrue(b.bootProblem().isPresent());
            assertTrue(b.transcript().contains("invalid header"), b.transcript());
            assertTrue(!b.transcript().contains("Preferences"), "no firmware ran");
            assertTrue(b.boots() >= 3);
        }
    }

    @Test
    void nvsWithoutTheMarkerIsErasedAndTheFirmwareStartsFromDefaults() throws Exception {
        try (VirtualBoard b = board("c", null)) {
            BoardImages.provision(b.flash(), DabblerFirmware.PROJECT, NVS);
            b.flash().erase(BoardImages.NVS, BoardImages.NVS_SIZE);
            b.powerOn();
            await(b, t -> t.contains("No MEP key set"), "the factory-key line");
            assertTrue(b.transcript().contains("Preferences initialized\r\n"));
            assertTrue(NvsSettings.read(b.flash().read(BoardImages.NVS, BoardImages.NVS_SIZE)).isPresent(),
                    "the marker was written back");
        }
    }

    @Test
    void anAppForAnUnknownProjectIsReportedNotRun() throws Exception {
        try (VirtualBoard b = board("d", null)) {
            BoardImages.provision(b.flash(), "some-other-app", NVS);
            b.powerOn();
            await(b, t -> t.contains("no firmware model for app project 'some-other-app'"), "the unknown-project line");
            assertEquals("no firmware model for app project 'some-other-app'", b.bootProblem().orElseThrow());
        }
    }

    @Test
    void theFlashFileSurvivesARestartOfTheTwin() throws Exception {
        Path flash = dir.resolve("flash.bin");
        try (VirtualBoard b = board("e1", flash)) {
            BoardImages.provision(b.flash(), DabblerFirmware.PROJECT, NVS);
        }
        assertEquals(4 * 1024 * 1024, Files.size(flash));
        try (VirtualBoard b = board("e2", flash)) {
            b.powerOn();
            await(b, t -> t.contains("wifi_ssid: 'lab'"), "the provisioned SSID");
        }
    }

    @Test
    void withTheProgramJumperTheRomWaitsForADownload() throws Exception {
        try (VirtualBoard b = board("f", null)) {
            b.setProgramJumper(true);
            b.powerOn();
            await(b, t -> t.contains("waiting for download\r\n"), "the download banner");
            assertTrue(b.transcript().contains("boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))"));
            assertTrue(!b.transceiver().powered(), "no firmware drives GPIO32 in download mode");
        }
    }
}
