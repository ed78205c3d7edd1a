package org.mepkit.esp.chip;

import java.util.List;
import java.util.Optional;

/**
 * An Espressif chip family as the image format and esptool know it: its names, where its
 * second-stage bootloader goes and its memory map (which esptool's {@code image-info} uses to
 * name segments, and the bootloader to map an app's flash segments).
 *
 * @param name              display name, e.g. {@code ESP32}
 * @param esptoolName       the value of esptool's {@code --chip}, e.g. {@code esp32}
 * @param imageChipId       the chip id in the image's extended header (0 = ESP32, 5 = ESP32-C3)
 * @param bootloaderOffset  where the second-stage bootloader is flashed (0x1000 on ESP32, 0 on newer chips)
 * @param memoryMap         the named address ranges, in esptool's order (empty when mepkit does not know them)
 * @param drom              the flash window mapped as read-only data (the app descriptor lives here)
 * @param irom              the flash window mapped as instructions
 */
public record ChipTarget(String name, String esptoolName, int imageChipId, long bootloaderOffset,
                         List<MemoryRegion> memoryMap, MemoryRegion drom, MemoryRegion irom) {

    /** The partition table offset, the same for every chip in ESP-IDF's default configuration. */
    public static final long PARTITION_TABLE_OFFSET = 0x8000;
    /** The flash MMU maps 64 KiB pages: a mapped segment's load address and flash address agree modulo this. */
    public static final long MMU_PAGE = 0x10000;

    public ChipTarget {
        memoryMap = List.copyOf(memoryMap);
    }

    /** A chip known by name and image id only (no memory map). */
    static ChipTarget named(String name, String esptoolName, int imageChipId, long bootloaderOffset) {
        return new ChipTarget(name, esptoolName, imageChipId, bootloaderOffset, List.of(), null, null);
    }

    /** What esptool's image-info calls {@code address}: every type whose range holds it, in map order. */
    public List<String> memoryTypes(long address) {
        return memoryMap.stream().filter(r -> r.contains(address)).map(MemoryRegion::type).toList();
    }

    /** {@link #memoryTypes} joined as esptool prints them ({@code DRAM, BYTE_ACCESSIBLE}), or {@code ?}. */
    public String memoryLabel(long address) {
        List<String> types = memoryTypes(address);
        return types.isEmpty() ? "?" : String.join(", ", types);
    }

    /** Whether a segment loaded at {@code address} is read from flash through the MMU (DROM or IROM window). */
    public boolean flashMapped(long address) {
        return (drom != null && drom.contains(address)) || (irom != null && irom.contains(address));
    }

    public boolean inDrom(long address) {
        return drom != null && drom.contains(address);
    }

    public Optional<MemoryRegion> dromWindow() {
        return Optional.ofNullable(drom);
    }

    @Override
    public String toString() {
        return name;
    }
}
