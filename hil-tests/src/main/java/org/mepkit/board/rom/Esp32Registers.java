package org.mepkit.board.rom;

import java.util.HashMap;
import java.util.Map;
import org.mepkit.esp.rom.Esp32Rom;

/**
 * The registers esptool reads and writes through READ_REG/WRITE_REG: identity registers come from the
 * {@link ChipIdentity}; anything else is a plain store reading 0 until written. Setting the USR bit of SPI0's
 * CMD register runs the SPI flash "user command" held in USR2 (RDID, status reads) and puts its answer in W0,
 * which is how esptool reads the flash id.
 */
final class Esp32Registers {

    private final ChipIdentity chip;
    private final Map<Integer, Integer> written = new HashMap<>();

    Esp32Registers(ChipIdentity chip) {
        this.chip = chip;
    }

    void reset() {
        written.clear();
    }

    int read(int address) {
        if (address == Esp32Rom.CHIP_DETECT_MAGIC_REG) return Esp32Rom.CHIP_MAGIC;
        if (address == Esp32Rom.APB_CTL_DATE) return chip.apbCtlDate();
        if (address == Esp32Rom.UART_CLKDIV) return chip.uartClkdiv();
        if (address >= Esp32Rom.EFUSE_RD_BASE && address < Esp32Rom.EFUSE_RD_BASE + 4 * 8 && address % 4 == 0) {
            return chip.efuseWord((address - Esp32Rom.EFUSE_RD_BASE) / 4);
        }
        return written.getOrDefault(address, 0);
    }

    void write(int address, int value, int mask) {
        if (ChipIdentity.isIdentityRegister(address)) return;   // read-only: ROM, eFuse, APB date, UART divider
        int merged = (read(address) & ~mask) | (value & mask);
        if (address == Esp32Rom.SPI_CMD && (merged & Esp32Rom.SPI_CMD_USR) != 0) {
            runUserCommand();
            merged &= ~Esp32Rom.SPI_CMD_USR;   // the "hardware" finishes at once
        }
        written.put(address, merged);
    }

    private void runUserCommand() {
        int command = read(Esp32Rom.SPI_USR2) & 0xFF;
        int answer = command == Esp32Rom.SPIFLASH_RDID ? chip.jedecWord() : 0;   // status registers read 0
        written.put(Esp32Rom.SPI_W0, answer);
    }
}
