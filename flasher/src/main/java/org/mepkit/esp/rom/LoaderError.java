package org.mepkit.esp.rom;

/**
 * Error bytes a loader puts in its status. ROM errors follow a status byte of 1
 * (esptool prints e.g. {@code 0107}); stub errors are the first status byte (e.g. {@code C100}).
 */
public enum LoaderError {
    // ESP32 ROM
    INVALID_MESSAGE(0x05),
    FAILED_TO_ACT(0x06),
    INVALID_CRC(0x07),
    FLASH_WRITE_ERR(0x08),
    FLASH_READ_ERR(0x09),
    FLASH_READ_LENGTH_ERR(0x0A),
    DEFLATE_ERR(0x0B),
    // flasher stub
    STUB_BAD_DATA_LEN(0xC0),
    STUB_BAD_DATA_CHECKSUM(0xC1),
    STUB_BAD_BLOCKSIZE(0xC2),
    STUB_INVALID_COMMAND(0xC3),
    STUB_FAILED_SPI_OP(0xC4),
    STUB_FAILED_SPI_UNLOCK(0xC5),
    STUB_NOT_IN_FLASH_MODE(0xC6),
    STUB_INFLATE_ERROR(0xC7),
    STUB_NOT_ENOUGH_DATA(0xC8),
    STUB_TOO_MUCH_DATA(0xC9),
    STUB_CMD_NOT_IMPLEMENTED(0xFF);

    private final int code;

    LoaderError(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static LoaderError byCode(int code) {
        for (LoaderError e : values()) {
            if (e.code == code) return e;
        }
        throw new IllegalArgumentException(String.format("unknown loader error 0x%02X", code));
    }
}
