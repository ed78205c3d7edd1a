package org.mepkit.board.rom;

/** Why {@link RomLoader#serve} returned, and what the board should do next. */
public enum SessionEnd {
    /**
     * The host closed the port (or the line failed). The loader was reset, as the chip is when esptool pulses
     * RTS at the end; the board re-latches its straps: J7 fitted means download mode again, else a flash boot.
     */
    HOST_CLOSED,
    /**
     * FLASH_END / FLASH_DEFL_END with the reboot flag (0): a software reset (ROM banner
     * {@code rst:0x3 (SW_RESET)}). Straps are not re-latched by a software reset, so the ROM comes back in download
     * mode ({@code boot:0x3}, {@code waiting for download}) and the board should serve again. This is what
     * esptool's {@code --after no_reset} sends to a running stub ("soft resetting from the stub loader will
     * re-load the ROM bootloader").
     */
    REBOOT,
    /** The host asked to run the user code (ROM FLASH_END(1) or the stub's RUN_USER_CODE): boot the app from flash. */
    RUN_USER_CODE,
    /** {@link RomLoader#requestStop()} was called (power off, reset, jumper change). */
    STOPPED
}
