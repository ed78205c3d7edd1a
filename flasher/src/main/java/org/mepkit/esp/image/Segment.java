package org.mepkit.esp.image;

/**
 * One loadable segment of an image. What its address means (DROM, IRAM, ...) depends on the chip:
 * see {@link org.mepkit.esp.chip.ChipTarget#memoryTypes(long)}.
 *
 * @param loadAddress where the segment is loaded or mapped
 * @param fileOffset  offset of the segment's data (after its 8-byte header) in the file
 * @param length      data length in bytes
 */
public record Segment(long loadAddress, int fileOffset, int length) {

    /** Offset of the segment's 8-byte header in the file (what esptool's image-info prints as "File offs"). */
    public int headerOffset() {
        return fileOffset - 8;
    }
}
