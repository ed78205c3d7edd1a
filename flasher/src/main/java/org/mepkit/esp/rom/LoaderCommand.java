package org.mepkit.esp.rom;

import java.util.Optional;

/** Command ids of the ESP32 ROM serial loader and of the esptool flasher stub. */
public enum LoaderCommand {
    FLASH_BEGIN(0x02, false),
    FLASH_DATA(0x03, true),
    FLASH_END(0x04, false),
    MEM_BEGIN(0x05, false),
    MEM_END(0x06, false),
    MEM_DATA(0x07, true),
    SYNC(0x08, false),
    WRITE_REG(0x09, false),
    READ_REG(0x0A, false),
    SPI_SET_PARAMS(0x0B, false),
    SPI_ATTACH(0x0D, false),
    READ_FLASH_SLOW(0x0E, false),
    CHANGE_BAUDRATE(0x0F, false),
    FLASH_DEFL_BEGIN(0x10, false),
    FLASH_DEFL_DATA(0x11, true),
    FLASH_DEFL_END(0x12, false),
    SPI_FLASH_MD5(0x13, false),
    GET_SECURITY_INFO(0x14, false),
    ERASE_FLASH(0xD0, false),
    ERASE_REGION(0xD1, false),
    READ_FLASH(0xD2, false),
    RUN_USER_CODE(0xD3, false);

    private final int id;
    private final boolean checksummed;

    LoaderCommand(int id, boolean checksummed) {
        this.id = id;
        this.checksummed = checksummed;
    }

    public int id() {
        return id;
    }

    /** Whether the request's checksum field carries the data checksum (the *_DATA commands). */
    public boolean checksummed() {
        return checksummed;
    }

    public static Optional<LoaderCommand> byId(int id) {
        for (LoaderCommand c : values()) {
            if (c.id == id) return Optional.of(c);
        }
        return Optional.empty();
    }
}
