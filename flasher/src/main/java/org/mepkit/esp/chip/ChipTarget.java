package org.mepkit.esp.chip;

/**
 * An Espressif chip family as the image format and esptool know it.
 *
 * @param name              display name, e.g. {@code ESP32}
 * @param esptoolName       the value of esptool's {@code --chip}, e.g. {@code esp32}
 * @param imageChipId       the chip id in the image's extended header (0 = ESP32, 5 = ESP32-C3)
 * @param bootloaderOffset  where the second-stage bootloader is flashed (0x1000 on ESP32, 0 on newer chips)
 */
public record ChipTarget(String name, String esptoolName, int imageChipId, long bootloaderOffset) {

    /** The partition table offset, the same for every chip in ESP-IDF's default configuration. */
    public static final long PARTITION_TABLE_OFFSET = 0x8000;

    @Override
    public String toString() {
        return name;
    }
}
