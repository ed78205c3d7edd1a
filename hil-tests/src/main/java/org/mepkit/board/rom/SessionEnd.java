package org.mepkit.board.rom;

/** Why {@link RomLoader#serve} returned. */
public enum SessionEnd {
    /** The host closed the port (or the line failed); the loader was reset as a chip reset would. */
    HOST_CLOSED,
    /** FLASH_END / FLASH_DEFL_END asked for a reboot: the board should reset and boot from flash. */
    REBOOT,
    /** The host asked to run the user code (ROM FLASH_END(1) or the stub's RUN_USER_CODE): boot from flash. */
    RUN_USER_CODE,
    /** {@link RomLoader#requestStop()} was called (power off, reset, jumper change). */
    STOPPED
}
