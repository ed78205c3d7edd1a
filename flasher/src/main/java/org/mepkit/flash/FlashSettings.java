package org.mepkit.flash;

import java.nio.file.Path;
import java.time.Duration;

import org.mepkit.esptool.BootMode;

/**
 * How to flash: port and speed, how the chip enters its loader, and the boot-log check after.
 *
 * @param port            the USB-serial adapter on J5
 * @param baud            esptool's speed after connecting (sync is always at 115200)
 * @param bootMode        manual (J7 jumper, the J5 default) or auto-reset
 * @param connectAttempts esptool's --connect-attempts (each about a second)
 * @param eraseAll        erase the whole flash first (NVS included) — only when asked
 * @param bootLogLimit    how long to capture the console afterwards; zero skips the check
 * @param logDir          where boot logs are stored (redacted)
 * @param noStub          talk to the ROM loader only (esptool's {@code --no-stub}: slower, no whole-chip erase)
 */
public record FlashSettings(String port, int baud, BootMode bootMode, int connectAttempts, boolean eraseAll,
                            Duration bootLogLimit, Path logDir, boolean noStub) {

    public static final int DEFAULT_BAUD = 460800;
    public static final Duration DEFAULT_BOOT_LOG = Duration.ofSeconds(60);

    /** With esptool's flasher stub. */
    public FlashSettings(String port, int baud, BootMode bootMode, int connectAttempts, boolean eraseAll,
                         Duration bootLogLimit, Path logDir) {
        this(port, baud, bootMode, connectAttempts, eraseAll, bootLogLimit, logDir, false);
    }

    public FlashSettings withPort(String newPort) {
        return new FlashSettings(newPort, baud, bootMode, connectAttempts, eraseAll, bootLogLimit, logDir, noStub);
    }
}
