package org.mepkit.board.rom;

import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.mepkit.esp.rom.Esp32Rom;

/**
 * What a virtual chip reports about itself through the ROM loader: its family, its MAC (eFuse), the read-only
 * registers esptool reads for package and revision, the SPI flash JEDEC id, and the first line its ROM prints.
 *
 * @param family            ESP32 or ESP32-C3: register layout, identification, banners
 * @param mac               six bytes, printed by esptool as {@code MAC: 24:0a:c4:12:34:56}
 * @param registers         read-only identity registers (eFuse words, revision, UART divider) by address
 * @param flashManufacturer JEDEC manufacturer byte (0xC8 GigaDevice)
 * @param flashDevice       JEDEC device id, two bytes as esptool prints it ({@code Device: 4016}); low byte = size code
 * @param romDate           the first line the ROM prints after a reset, e.g. {@code ets Jul 29 2019 12:21:46}
 */
public record ChipIdentity(ChipFamily family, byte[] mac, Map<Integer, Integer> registers, int flashManufacturer,
                           int flashDevice, String romDate) {

    /** The ROM date line of revision 3 chips (ESP32-D0WD-V3, as on a WROOM-32E). */
    public static final String ROM_DATE_V3 = "ets Jul 29 2019 12:21:46";
    /** The ROM date line of revision 0/1 chips. */
    public static final String ROM_DATE_V1 = "ets Jun  8 2016 00:22:57";
    /** What an ESP32-C3's ROM prints first (its ROM build), before the {@code Build:} line. */
    public static final String ROM_DATE_C3 = "ESP-ROM:esp32c3-api1-20210207";

    public ChipIdentity {
        if (mac.length != 6) throw new IllegalArgumentException("a MAC has 6 bytes, got " + mac.length);
        mac = mac.clone();
        registers = Map.copyOf(registers);
    }

    /**
     * An ESP32 with the given eFuse block 0 words 3 and 5, APB_CTL_DATE and UART divider (esp32-flashing.md §5):
     * word 3 holds the package (bits 9..11) and revision bit 0 (bit 15), word 5 revision bit 1 (bit 20),
     * APB_CTL_DATE bit 31 revision bit 2.
     */
    public static ChipIdentity esp32(byte[] mac, int efuseWord3, int efuseWord5, int apbCtlDate, int uartClkdiv,
                                     int flashManufacturer, int flashDevice, String romDate) {
        Map<Integer, Integer> r = new TreeMap<>();
        r.put(Esp32Rom.EFUSE_RD_BASE + 4, macLow(mac));
        r.put(Esp32Rom.EFUSE_RD_BASE + 8, (crc8(mac) << 16) | ((mac[0] & 0xFF) << 8) | (mac[1] & 0xFF));
        r.put(Esp32Rom.EFUSE_RD_BASE + 12, efuseWord3);
        r.put(Esp32Rom.EFUSE_RD_BASE + 20, efuseWord5);
        for (int n : new int[] {0, 4, 6, 7}) r.put(Esp32Rom.EFUSE_RD_BASE + 4 * n, 0);
        r.put(Esp32Rom.APB_CTL_DATE, apbCtlDate);
        r.put(Esp32Rom.UART_CLKDIV, uartClkdiv);
        return new ChipIdentity(ChipFamily.ESP32, mac, r, flashManufacturer, flashDevice, romDate);
    }

    /**
     * An ESP32-D0WD-V3 (revision v3.0), 40 MHz crystal, 4 MB GigaDevice flash: what esptool reports for a
     * current WROOM-32E module.
     */
    public static ChipIdentity esp32D0wdV3(byte[] mac) {
        int word3 = (1 << 9) | (1 << 15);    // package 1 = D0WD, rev bit 0
        int word5 = 1 << 20;                 // rev bit 1
        int apbDate = 1 << 31;               // rev bit 2 -> major revision 3
        return esp32(mac, word3, word5, apbDate, 347, 0xC8, 0x4016, ROM_DATE_V3);
    }

    /** The default twin: MAC 24:0a:c4:12:34:56. */
    public static ChipIdentity defaultEsp32() {
        return esp32D0wdV3(HexFormat.ofDelimiter(":").parseHex("24:0a:c4:12:34:56"));
    }

    /**
     * An ESP32-C3 (QFN32) revision v0.4 with 4 MB embedded XMC flash, as on an ESP32-C3-MINI-1. eFuse block 1 word 3:
     * package bits 21..23 (0), minor revision low bits 18..20 (4), flash capacity bits 27..29 (1 = 4 MB embedded);
     * word 4: flash vendor bits 0..2 (1 = XMC); word 5: major revision bits 24..25 (0), minor high bit 23 (0).
     */
    public static ChipIdentity esp32c3(byte[] mac) {
        Map<Integer, Integer> r = new TreeMap<>();
        r.put(ChipFamily.C3_EFUSE_BLOCK1, macLow(mac));
        r.put(ChipFamily.C3_EFUSE_BLOCK1 + 4, ((mac[0] & 0xFF) << 8) | (mac[1] & 0xFF));
        r.put(ChipFamily.C3_EFUSE_BLOCK1 + 8, 0);
        r.put(ChipFamily.C3_EFUSE_BLOCK1 + 12, (4 << 18) | (1 << 27));
        r.put(ChipFamily.C3_EFUSE_BLOCK1 + 16, 1);
        r.put(ChipFamily.C3_EFUSE_BLOCK1 + 20, 0);
        r.put(ChipFamily.C3_UART_CLKDIV, 347);
        return new ChipIdentity(ChipFamily.ESP32_C3, mac, r, 0x20, 0x4016, ROM_DATE_C3);
    }

    /** The default C3 twin: MAC 58:cf:79:12:34:56. */
    public static ChipIdentity defaultEsp32C3() {
        return esp32c3(HexFormat.ofDelimiter(":").parseHex("58:cf:79:12:34:56"));
    }

    /** The default twin of a family. */
    public static ChipIdentity defaultOf(ChipFamily family) {
        return family == ChipFamily.ESP32_C3 ? defaultEsp32C3() : defaultEsp32();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    public String macText() {
        return HexFormat.ofDelimiter(":").formatHex(mac);
    }

    /** The value of the SPI flash RDID (0x9F) command as it lands in SPI W0: manufacturer, device high, device low. */
    public int jedecWord() {
        return flashManufacturer | ((flashDevice >> 8) & 0xFF) << 8 | (flashDevice & 0xFF) << 16;
    }

    /** Flash size from the JEDEC size code (0x16 → 4 MB). */
    public int flashSizeBytes() {
        return 1 << (flashDevice & 0xFF);
    }

    /** Whether {@code address} is one of the read-only registers this identity defines (or the magic register). */
    boolean isIdentityRegister(int address) {
        return address == Esp32Rom.CHIP_DETECT_MAGIC_REG || registers.containsKey(address);
    }

    /** MAC bytes 2..5, big-endian: the low eFuse MAC word on both families. */
    private static int macLow(byte[] mac) {
        return ((mac[2] & 0xFF) << 24) | ((mac[3] & 0xFF) << 16) | ((mac[4] & 0xFF) << 8) | (mac[5] & 0xFF);
    }

    private static int crc8(byte[] mac) {
        int crc = 0;
        for (int i = 5; i >= 0; i--) {   // Espressif's MAC CRC runs over the bytes in reverse order
            crc ^= mac[i] & 0xFF;
            for (int b = 0; b < 8; b++) crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x8C : crc >>> 1;
        }
        return crc & 0xFF;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChipIdentity c && c.family == family && java.util.Arrays.equals(c.mac, mac)
                && c.registers.equals(registers) && c.flashManufacturer == flashManufacturer && c.flashDevice == flashDevice
                && c.romDate.equals(romDate);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(mac) * 31 + romDate.hashCode();
    }

    @Override
    public String toString() {
        return "ChipIdentity[" + family + ", mac " + macText() + String.format(", flash %02x %04x", flashManufacturer, flashDevice) + "]";
    }
}
