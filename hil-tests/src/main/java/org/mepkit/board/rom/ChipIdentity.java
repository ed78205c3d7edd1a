package org.mepkit.board.rom;

import java.util.HexFormat;
import org.mepkit.esp.rom.Esp32Rom;

/**
 * What a virtual ESP32 reports about itself through the ROM loader: its MAC (eFuse), the eFuse words that
 * give package and revision, the crystal divider, the SPI flash JEDEC id, and the date its ROM prints.
 *
 * @param mac             six bytes, printed by esptool as {@code MAC: 24:0a:c4:12:34:56}
 * @param efuseWord3      eFuse block 0 word 3: package bits 9..11, revision bit 0 at bit 15
 * @param efuseWord5      eFuse block 0 word 5: revision bit 1 at bit 20, minor revision bits 24..25
 * @param apbCtlDate      APB_CTL_DATE register: revision bit 2 at bit 31
 * @param uartClkdiv      UART_CLKDIV at 115200 baud (347 ≈ 40 MHz crystal)
 * @param flashManufacturer JEDEC manufacturer byte (0xC8 GigaDevice)
 * @param flashDevice     JEDEC device id, two bytes as esptool prints it ({@code Device: 4016}); low byte = size code
 * @param romDate         the first line the ROM prints after a reset, e.g. {@code ets Jul 29 2019 12:21:46}
 */
public record ChipIdentity(byte[] mac, int efuseWord3, int efuseWord5, int apbCtlDate, int uartClkdiv,
                           int flashManufacturer, int flashDevice, String romDate) {

    /** The ROM date line of revision 3 chips (ESP32-D0WD-V3, as on a WROOM-32E). */
    public static final String ROM_DATE_V3 = "ets Jul 29 2019 12:21:46";
    /** The ROM date line of revision 0/1 chips. */
    public static final String ROM_DATE_V1 = "ets Jun  8 2016 00:22:57";

    public ChipIdentity {
        if (mac.length != 6) throw new IllegalArgumentException("a MAC has 6 bytes, got " + mac.length);
        mac = mac.clone();
    }

    /**
     * An ESP32-D0WD-V3 (revision v3.0), 40 MHz crystal, 4 MB GigaDevice flash: what esptool reports for a
     * current WROOM-32E module.
     */
    public static ChipIdentity esp32D0wdV3(byte[] mac) {
        int word3 = (1 << 9) | (1 << 15);    // package 1 = D0WD, rev bit 0
        int word5 = 1 << 20;                 // rev bit 1
        int apbDate = 1 << 31;               // rev bit 2 -> major revision 3
        return new ChipIdentity(mac, word3, word5, apbDate, 347, 0xC8, 0x4016, ROM_DATE_V3);
    }

    /** The default twin: MAC 24:0a:c4:12:34:56. */
    public static ChipIdentity defaultEsp32() {
        return esp32D0wdV3(HexFormat.ofDelimiter(":").parseHex("24:0a:c4:12:34:56"));
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    public String macText() {
        return HexFormat.ofDelimiter(":").formatHex(mac);
    }

    /** eFuse word 1: MAC bytes 2..5, big-endian. */
    public int efuseWord1() {
        return ((mac[2] & 0xFF) << 24) | ((mac[3] & 0xFF) << 16) | ((mac[4] & 0xFF) << 8) | (mac[5] & 0xFF);
    }

    /** eFuse word 2: low 16 bits MAC bytes 0..1; bits 16..23 the MAC CRC8 (esptool ignores it). */
    public int efuseWord2() {
        return (crc8(mac) << 16) | ((mac[0] & 0xFF) << 8) | (mac[1] & 0xFF);
    }

    /** The value of the SPI flash RDID (0x9F) command as it lands in SPI W0: manufacturer, device high, device low. */
    public int jedecWord() {
        return flashManufacturer | ((flashDevice >> 8) & 0xFF) << 8 | (flashDevice & 0xFF) << 16;
    }

    /** Flash size from the JEDEC size code (0x16 → 4 MB). */
    public int flashSizeBytes() {
        return 1 << (flashDevice & 0xFF);
    }

    /** Register value for an eFuse block 0 word. */
    public int efuseWord(int n) {
        return switch (n) {
            case 1 -> efuseWord1();
            case 2 -> efuseWord2();
            case 3 -> efuseWord3;
            case 5 -> efuseWord5;
            default -> 0;
        };
    }

    /** Whether {@code address} is one of the registers this identity defines. */
    static boolean isIdentityRegister(int address) {
        return address == Esp32Rom.CHIP_DETECT_MAGIC_REG || address == Esp32Rom.APB_CTL_DATE
                || address == Esp32Rom.UART_CLKDIV
                || (address >= Esp32Rom.EFUSE_RD_BASE && address < Esp32Rom.EFUSE_RD_BASE + 4 * 8);
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
        return o instanceof ChipIdentity c && java.util.Arrays.equals(c.mac, mac) && c.efuseWord3 == efuseWord3
                && c.efuseWord5 == efuseWord5 && c.apbCtlDate == apbCtlDate && c.uartClkdiv == uartClkdiv
                && c.flashManufacturer == flashManufacturer && c.flashDevice == flashDevice && c.romDate.equals(romDate);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(mac) * 31 + romDate.hashCode();
    }

    @Override
    public String toString() {
        return "ChipIdentity[mac " + macText() + String.format(", flash %02x %04x", flashManufacturer, flashDevice) + "]";
    }
}
