package org.mepkit.board.boot;

import java.util.List;
import org.mepkit.board.rom.ChipFamily;
import org.mepkit.board.rom.ChipIdentity;

/**
 * What the ROM prints on the console (115200 8N1) right after a reset. The ESP32 prints its ROM date and a blank
 * line; the ESP32-C3 its ROM build and date, and shorter reset names. The strapping value: on the ESP32 GPIO0 is
 * bit 0x10 (download 0x03, flash 0x13); on the C3 GPIO9 is bit 0x08 and GPIO8 bit 0x04 (download 0x4, flash 0xc).
 */
public final class RomBanner {

    /** Strapping value with GPIO0 low (J7 fitted): serial download. */
    public static final int BOOT_DOWNLOAD = 0x03;
    /** Strapping value with GPIO0 high: boot from SPI flash. */
    public static final int BOOT_FLASH = 0x13;

    private RomBanner() {
    }

    /** Reset into download mode: the ROM then waits for the loader protocol. */
    public static List<String> downloadMode(ChipIdentity chip, ResetReason reason) {
        if (chip.family() == ChipFamily.ESP32_C3) {
            return List.of(chip.romDate(), "Build:Feb  7 2021", String.format("rst:0x%x (%s),boot:0x4 (DOWNLOAD(USB/UART0/1))",
                    reason.code(), c3Name(reason)), "waiting for download");
        }
        return List.of(chip.romDate(), "", rstLine(reason, BOOT_DOWNLOAD), "waiting for download");
    }

    /** The first lines of a flash boot, before the ROM looks at the bootloader. */
    public static List<String> flashBoot(ChipIdentity chip, ResetReason reason) {
        if (chip.family() == ChipFamily.ESP32_C3) {
            return List.of(chip.romDate(), "Build:Feb  7 2021", String.format("rst:0x%x (%s),boot:0xc (SPI_FAST_FLASH_BOOT)",
                    reason.code(), c3Name(reason)));
        }
        return List.of(chip.romDate(), "", rstLine(reason, BOOT_FLASH));
    }

    public static String rstLine(ResetReason reason, int boot) {
        String mode = boot == BOOT_DOWNLOAD ? "DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2)" : "SPI_FAST_FLASH_BOOT";
        return String.format("rst:0x%x (%s),boot:0x%x (%s)", reason.code(), reason.name(), boot, mode);
    }

    /** The C3 ROM's names for the same reset codes. */
    private static String c3Name(ResetReason reason) {
        return switch (reason) {
            case POWERON_RESET -> "POWERON";
            case SW_RESET -> "RTC_SW_SYS_RST";
            case SW_CPU_RESET -> "RTC_SW_CPU_RST";
            case TG0WDT_SYS_RESET -> "TG0WDT_SYS_RST";
            case RTCWDT_RTC_RESET -> "RTCWDT_RTC_RST";
        };
    }
}
