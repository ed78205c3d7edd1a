package org.mepkit.board.rom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.chip.ChipTarget;
import org.mepkit.esp.rom.Esp32Rom;

/**
 * What differs between the chips a twin can be, as esptool sees them through the ROM loader: how it identifies
 * the chip (the ESP32 by the magic value at 0x40001000, the ESP32-C3 by the chip id in its GET_SECURITY_INFO
 * answer), where the eFuse and SPI0 registers esptool reads and drives are, and what the ROM prints after a reset.
 * Register addresses and bit positions are those esptool v4.12 / v5.3 use for each target.
 */
public enum ChipFamily {

    ESP32(ChipRegistry.ESP32, Esp32Rom.CHIP_MAGIC, Esp32Rom.SPI_BASE, 0x24, 0x80),

    /**
     * ESP32-C3: chip id 5 in GET_SECURITY_INFO (esptool verifies the chip by it, not by the magic value); the magic
     * register still reads an ECO3 C3's 0x1B31506F. eFuse block 1 at 0x60008844 (MAC in words 0-1), SPI0 at
     * 0x60002000 with USR2 at +0x20 and W0 at +0x58.
     */
    ESP32_C3(ChipRegistry.ESP32_C3, 0x1B31506F, 0x60002000, 0x20, 0x58);

    /** ESP32-C3 eFuse block 1, where esptool reads the MAC (words 0-1) and package/revision/flash (words 3-5). */
    public static final int C3_EFUSE_BLOCK1 = 0x60008844;
    /** ESP32-C3 UART0 clock divider (esptool assumes a 40 MHz crystal and does not read it). */
    public static final int C3_UART_CLKDIV = 0x60000014;

    private final ChipTarget target;
    private final int magic;
    private final int spiBase;
    private final int spiUsr2;
    private final int spiW0;

    ChipFamily(ChipTarget target, int magic, int spiBase, int spiUsr2, int spiW0) {
        this.target = target;
        this.magic = magic;
        this.spiBase = spiBase;
        this.spiUsr2 = spiUsr2;
        this.spiW0 = spiW0;
    }

    /** The chip as the flasher knows it: image chip id, bootloader offset, memory map. */
    public ChipTarget target() {
        return target;
    }

    public int magicValue() {
        return magic;
    }

    /** SPI0's CMD register (bit 18 starts a user command), USR2 (command byte) and W0 (its answer). */
    int spiCmd() {
        return spiBase;
    }

    int spiUsr2() {
        return spiBase + spiUsr2;
    }

    int spiW0() {
        return spiBase + spiW0;
    }

    /**
     * The data of a GET_SECURITY_INFO answer (before the status bytes): flags u32, flash_crypt_cnt u8, 7 key
     * purposes, chip id u32, API version u32 — 20 bytes; empty on the ESP32, whose ROM lacks the command.
     */
    public Optional<byte[]> securityInfo() {
        if (this == ESP32) return Optional.empty();
        ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0).put(new byte[8]).putInt(target.imageChipId()).putInt(0);
        return Optional.of(b.array());
    }

    /** The family of a chip name as firmware-spec's boards and esptool's {@code --chip} spell it. */
    public static Optional<ChipFamily> byEsptoolName(String name) {
        for (ChipFamily f : values()) if (f.target.esptoolName().equals(name)) return Optional.of(f);
        return Optional.empty();
    }
}
