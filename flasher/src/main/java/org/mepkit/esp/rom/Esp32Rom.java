package org.mepkit.esp.rom;

/** Addresses, magic values and sizes of the ESP32 ROM loader, as esptool uses them. */
public final class Esp32Rom {

    private Esp32Rom() {
    }

    /** READ_REG here tells the chip family; an ESP32 answers {@link #CHIP_MAGIC}. */
    public static final int CHIP_DETECT_MAGIC_REG = 0x40001000;
    public static final int CHIP_MAGIC = 0x00F01D83;

    /** eFuse block 0 read registers: word n at base + 4n. */
    public static final int EFUSE_RD_BASE = 0x3FF5A000;
    /** Bit 31 is chip revision bit 2. */
    public static final int APB_CTL_DATE = 0x3FF6607C;
    /** Low 20 bits × baud / 1e6 ≈ crystal MHz. */
    public static final int UART_CLKDIV = 0x3FF40014;
    public static final int UART_CLKDIV_MASK = 0xFFFFF;

    /** SPI0 controller esptool drives for "user commands" (flash id, status). */
    public static final int SPI_BASE = 0x3FF42000;
    public static final int SPI_CMD = SPI_BASE;
    public static final int SPI_USR = SPI_BASE + 0x1C;
    public static final int SPI_USR1 = SPI_BASE + 0x20;
    public static final int SPI_USR2 = SPI_BASE + 0x24;
    public static final int SPI_MOSI_DLEN = SPI_BASE + 0x28;
    public static final int SPI_MISO_DLEN = SPI_BASE + 0x2C;
    public static final int SPI_W0 = SPI_BASE + 0x80;
    /** Bit of SPI_CMD that starts a user command; the hardware clears it when done. */
    public static final int SPI_CMD_USR = 1 << 18;

    public static final int SPIFLASH_RDID = 0x9F;
    public static final int SPIFLASH_RDSR = 0x05;
    public static final int SPIFLASH_RDSR2 = 0x35;
    public static final int SPIFLASH_RDSR3 = 0x15;

    /** Value a real ESP32 ROM puts in its SYNC responses; the stub answers 0. */
    public static final int ROM_SYNC_VALUE = 0x20120707;
    /** The ROM (and the flasher stub, with value 0) answers one SYNC with this many responses. */
    public static final int ROM_SYNC_REPLIES = 8;

    public static final int ROM_FLASH_BLOCK = 0x400;
    public static final int STUB_FLASH_BLOCK = 0x4000;
    public static final int RAM_BLOCK = 0x1800;
    public static final int SECTOR = 0x1000;
    public static final int READ_FLASH_SLOW_LENGTH = 64;

    /** The stub's unsolicited greeting after MEM_END. */
    public static final byte[] STUB_GREETING = {'O', 'H', 'A', 'I'};
}
