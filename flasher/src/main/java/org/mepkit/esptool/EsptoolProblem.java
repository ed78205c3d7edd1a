package org.mepkit.esptool;

import java.util.List;
import java.util.Locale;

import org.mepkit.cli.ExitCodes;

/**
 * The failures esptool reports (flashing reference §3), each with advice for the person at the
 * bench and the {@code mep} exit code. {@link #classify} maps esptool's message text.
 */
public enum EsptoolProblem {
    NOT_FOUND(ExitCodes.TOOL, "install esptool: 'pipx install esptool' or 'python3 -m pip install --user esptool', or the Arduino ESP32 core / PlatformIO; then pass --esptool PATH or set ESPTOOL"),
    PORT_MISSING(ExitCodes.PORT, "check the port name and that the USB-serial adapter is plugged in"),
    PORT_BUSY(ExitCodes.PORT, "another program has the port open (serial monitor, mep, screen); close it and retry"),
    PORT_PERMISSION(ExitCodes.PORT, "add your user to the dialout group (sudo usermod -aG dialout $USER) and log in again"),
    CHIP_NOT_RESET(ExitCodes.PROTOCOL, "esptool could not reset the chip into its loader: this port has no DTR/RTS reset lines (J5 has none), so 'Chip was NOT reset'; flash with --before no_reset (the default), fit the J7 1-2 program jumper and power-cycle the board"),
    NO_SERIAL_DATA(ExitCodes.PROTOCOL, "the chip is not in download mode or not powered: fit the J7 1-2 program jumper, check J5 TX/RX are not swapped, power-cycle and retry"),
    WRONG_BOOT_MODE(ExitCodes.PROTOCOL, "the chip booted the app instead of the ROM loader: fit the J7 1-2 program jumper (IO0 to GND) and power-cycle"),
    SERIAL_NOISE(ExitCodes.PROTOCOL, "the line is noisy or the firmware is printing: put the board in download mode (J7 1-2) and check GND on J5 pin 1; try a lower --baud"),
    WRONG_CHIP(ExitCodes.BAD_INPUT, "the board's chip does not match --board; pick the right board (esp32-mep or esp32-mep-c3)"),
    WRITE_FAILED(ExitCodes.PROTOCOL, "the write was corrupted on the way; retry at a lower --baud (e.g. 115200); nothing outside the written regions was changed"),
    VERIFY_FAILED(ExitCodes.PROTOCOL, "flash does not hold what was written; retry, and if it persists the flash or its supply is faulty"),
    STUB_FAILED(ExitCodes.PROTOCOL, "the flasher stub esptool uploads did not start; power-cycle the board in download mode and retry, or flash with --no-stub (the ROM loader only: slower)"),
    CHIP_STOPPED(ExitCodes.PROTOCOL, "the chip stopped answering: check the 3.3 V supply on J5 pin 3 (a weak adapter browns out) and retry"),
    PORT_LOST(ExitCodes.PORT, "the port vanished during flashing (adapter unplugged or reset); reconnect it and flash again"),
    USAGE(ExitCodes.TOOL, "esptool rejected its arguments; this is a mepkit bug or an unsupported esptool version"),
    CANCELLED(ExitCodes.INTERRUPTED, "flashing was cancelled; flash again before using the board"),
    OTHER(ExitCodes.TOOL, "see esptool's troubleshooting guide: https://docs.espressif.com/projects/esptool/en/latest/troubleshooting.html");

    private final int exitCode;
    private final String advice;

    EsptoolProblem(int exitCode, String advice) {
        this.exitCode = exitCode;
        this.advice = advice;
    }

    public int exitCode() {
        return exitCode;
    }

    public String advice() {
        return advice;
    }

    /** Classifies esptool's failure from its error lines (all of them, in order) and its exit status. */
    public static EsptoolProblem classify(List<String> errorLines, int exit) {
        String all = String.join("\n", errorLines).toLowerCase(Locale.ROOT);
        if (all.contains("could not exclusively lock") || all.contains("resource temporarily unavailable")
                || all.contains("device or resource busy")) return PORT_BUSY;
        if (all.contains("dialout") || all.contains("permission denied")) return PORT_PERMISSION;
        if (all.contains("the port is busy or doesn't exist")) return PORT_MISSING;
        if (all.contains("a serial exception error occurred")) return PORT_LOST;
        boolean notReset = all.contains("chip was not reset");
        if (notReset && (all.contains("wrong boot mode detected") || all.contains("no serial data received")
                || all.contains("invalid head of packet") || all.contains("getting no sync reply"))) return CHIP_NOT_RESET;
        if (all.contains("wrong boot mode detected")) return WRONG_BOOT_MODE;
        if (all.contains("no serial data received") || all.contains("getting no sync reply")) return NO_SERIAL_DATA;
        if (all.contains("invalid head of packet") || all.contains("serial data stream stopped")
                || all.contains("packet content transfer stopped")) return SERIAL_NOISE;
        if (all.contains("wrong chip argument") || all.contains("wrong --chip argument")) return WRONG_CHIP;
        if (all.contains("md5 of file does not match") || all.contains("written flash region is empty")) return VERIFY_FAILED;
        if (all.contains("failed to write")) return WRITE_FAILED;
        if (all.contains("failed to start stub")) return STUB_FAILED;
        if (all.contains("chip stopped responding") || all.contains("guru meditation")) return CHIP_STOPPED;
        if (all.contains("keyboardinterrupt") || all.contains("cancelled by user")) return CANCELLED;
        if (all.contains("invalid choice") || all.contains("no such option") || all.contains("usage:")
                || all.contains("no such file or directory")) return USAGE;
        return OTHER;
    }
}
