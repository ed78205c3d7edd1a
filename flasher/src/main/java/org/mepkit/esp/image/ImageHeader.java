package org.mepkit.esp.image;

/**
 * The 24-byte header of an ESP32-family image: 8 common bytes and the 16-byte extended header.
 *
 * @param segmentCount  number of segments that follow
 * @param flashMode     SPI mode (byte 2)
 * @param flashSize     flash size (high nibble of byte 3)
 * @param flashFreq     flash clock (low nibble of byte 3)
 * @param entryAddress  where the ROM or bootloader jumps
 * @param wpPin         SPI write-protect pin, 0xEE = disabled
 * @param chipId        0 = ESP32, 5 = ESP32-C3 (see {@code ChipRegistry})
 * @param minRevision   minimum full chip revision (major × 100 + minor)
 * @param maxRevision   maximum full chip revision (0xFFFF = any)
 * @param hashAppended  a SHA-256 of the image follows the checksum byte
 */
public record ImageHeader(int segmentCount, FlashMode flashMode, FlashSize flashSize, FlashFreq flashFreq,
                          long entryAddress, int wpPin, int chipId, int minRevision, int maxRevision,
                          boolean hashAppended) {

    public static final int MAGIC = 0xE9;
    public static final int LENGTH = 24;
}
