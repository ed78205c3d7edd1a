package org.mepkit.esp.chip;

/**
 * One named range of a chip's address space, as esptool's per-chip memory map names it
 * ({@code DROM}, {@code IRAM}, {@code BYTE_ACCESSIBLE}, ...). Ranges may overlap: one address can
 * have several types.
 *
 * @param start first address
 * @param end   first address past the range
 * @param type  esptool's name for it
 */
public record MemoryRegion(long start, long end, String type) {

    public MemoryRegion {
        if (end <= start) throw new IllegalArgumentException(String.format("empty range 0x%x..0x%x", start, end));
    }

    public boolean contains(long address) {
        return address >= start && address < end;
    }
}
