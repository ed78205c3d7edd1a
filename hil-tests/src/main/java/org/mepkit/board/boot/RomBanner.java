package org.mepkit.board.boot;

import java.util.List;
import org.mepkit.board.rom.ChipIdentity;

/** What the ESP32 ROM prints on the console (115200 8N1) right after a reset. */
public final class RomBanner {

    /** Strapping value with GPIO0 low (J7 fitted): serial download. */
    public static final int BOOT_DOWNLOAD = 0x03;
    /** Strapping value with GPIO0 high: boot from SPI flash. */
    public static final int BOOT_FLASH = 0x13;

    private RomBanner() {
    }

    /** Reset into download mode: the ROM then waits for the loader protocol. */
    public static List<String> downloadMode(ChipIdentity chip, ResetReason reason) {
        return List.of(chip.romDate(), "", rstLine(reason, BOOT_DOWNLOAD), "waiting for download");
    }

    /** The first lines of a flash boot, before the ROM looks at the bootloader. */
    public static List<String> flashBoot(ChipIdentity chip, ResetReason reason) {
        return List.of(chip.romDate(), "", rstLine(reason, BOOT_FLASH));
    }

    public static String rstLine(ResetReason reason, int boot) {
        String mode = boot == BOOT_DOWNLOAD ? "DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2)" : "SPI_FAST_FLASH_BOOT";
        return String.format("rst:0x%x (%s),boot:0x%x (%s)", reason.code(), reason.name(), boot, mode);
    }
}
