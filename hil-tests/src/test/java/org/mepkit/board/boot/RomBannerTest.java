package org.mepkit.board.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mepkit.board.rom.ChipIdentity;

class RomBannerTest {

    @Test
    void downloadModeBannerAfterPowerOn() {
        // esp32-flashing.md §4 gives these lines for a revision 1 ROM (dated Jun 8 2016)
        ChipIdentity v1 = ChipIdentity.esp32(new byte[6], 0, 0, 0, 347, 0xC8, 0x4016, ChipIdentity.ROM_DATE_V1);
        assertEquals(List.of("ets Jun  8 2016 00:22:57", "",
                "rst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))", "waiting for download"),
                RomBanner.downloadMode(v1, ResetReason.POWERON_RESET));
    }

    @Test
    void flashBootAfterAWatchdogResetOnARevision3Chip() {
        assertEquals(List.of("ets Jul 29 2019 12:21:46", "", "rst:0x10 (RTCWDT_RTC_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)"),
                RomBanner.flashBoot(ChipIdentity.defaultEsp32(), ResetReason.RTCWDT_RTC_RESET));
    }

    @Test
    void softwareResetLine() {
        assertEquals("rst:0x3 (SW_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)",
                RomBanner.rstLine(ResetReason.SW_RESET, RomBanner.BOOT_FLASH));
    }
}
