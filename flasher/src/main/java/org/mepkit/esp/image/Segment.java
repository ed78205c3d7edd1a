package org.mepkit.esp.image;

/**
 * One loadable segment of an image.
 *
 * @param loadAddress where the segment is loaded or mapped
 * @param fileOffset  offset of the segment's data (after its 8-byte header) in the file
 * @param length      data length in bytes
 */
public record Segment(long loadAddress, int fileOffset, int length) {

    /** ESP32 data ROM (flash mapped as read-only data), where the app descriptor lives. */
    public boolean isDrom() {
        return loadAddress >= 0x3F400000L && loadAddress < 0x3F800000L;
    }

    /** Human name of the memory region, like esptool's image-info. */
    public String memoryName() {
        if (isDrom()) return "DROM";
        if (loadAddress >= 0x400D0000L && loadAddress < 0x40400000L) return "IROM";
        if (loadAddress >= 0x3FFAE000L && loadAddress < 0x40000000L) return "DRAM";
        if (loadAddress >= 0x40070000L && loadAddress < 0x400A0000L) return "IRAM";
        if (loadAddress >= 0x50000000L && loadAddress < 0x50002000L) return "RTC_DATA";
        if (loadAddress >= 0x400C0000L && loadAddress < 0x400C2000L) return "RTC_IRAM";
        if (loadAddress >= 0x3C000000L && loadAddress < 0x3D000000L) return "DROM";
        if (loadAddress >= 0x42000000L && loadAddress < 0x43000000L) return "IROM";
        return "?";
    }
}
