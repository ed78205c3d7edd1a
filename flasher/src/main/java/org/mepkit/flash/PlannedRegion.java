package org.mepkit.flash;

import java.nio.file.Path;

/**
 * One checked region of a flash plan: the file esptool will write, where, and what it is.
 *
 * @param address flash offset (sector aligned)
 * @param role    what the region holds
 * @param file    the file handed to esptool
 * @param length  bytes
 * @param sha256  SHA-256 of the file, lower-case hex
 * @param source  where it came from, for messages ({@code app.ino.bin}, {@code merged.bin@0x10000})
 */
public record PlannedRegion(long address, RegionRole role, Path file, long length, String sha256, String source) {

    public long end() {
        return address + length;
    }
}
