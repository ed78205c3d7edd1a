package org.mepkit.board.rom;

import java.util.HashMap;
import java.util.Map;
import org.mepkit.esp.rom.Esp32Rom;

/**
 * The registers esptool reads and writes through READ_REG/WRITE_REG: the magic register and the identity
 * registers come from the {@link ChipIdentity}; anything else is a plain store reading 0 until written. Setting
 * the USR bit of the family's SPI0 CMD register runs the SPI flash "user command" held in USR2 (RDID, status reads)
 * and puts its answer in W0, which is how esptool reads the flash id.
 */
final class ChipRegisters {

    private final ChipIdentity chip;
    private final Map<Integer, Integer> written = new HashMap<>();

    ChipRegisters(ChipIdentity chip) {
        this.chip = chip;
    }

    void reset() {
        written.clear();
    }

    int read(int address) {
        if (address == Esp32Rom.CHIP_DETECT_MAGIC_REG) return chip.family().magicValue();
        Integer identity = chip.registers().get(address);
        if (identity != null) return identity;
        return written.getOrDefault(address, 0);
    }

    void write(int address, int value, int mask) {
        if (chip.isIdentityRegister(address)) return;   // read-only: ROM, eFuse, revision, UART divider
        int merged = (read(address) & ~mask) | (value & mask);
        ChipFamily f = chip.family();
        if (address == f.spiCmd() && (merged & Esp32Rom.SPI_CMD_USR) != 0) {
            runUserCommand(f);
            merged &= ~Esp32Rom.SPI_CMD_USR;   // the "hardware" finishes at once
        }
        written.put(address, merged);
    }

    private void runUserCommand(ChipFamily f) {
        int command = read(f.spiUsr2()) & 0xFF;
        int answer = command == Esp32Rom.SPIFLASH_RDID ? chip.jedecWord() : 0;   // status registers read 0
        written.put(f.spiW0(), answer);
    }
}
