package org.mepkit.esp.image;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.chip.ChipTarget;
import org.mepkit.util.Hex;

/**
 * A parsed ESP32 image: what the file says and what was computed from it. Parsing never throws
 * for a wrong checksum or hash; {@link ImageValidator} decides what is acceptable.
 *
 * @param header            the 24-byte header
 * @param segments          the segment table
 * @param storedChecksum    the checksum byte in the file
 * @param computedChecksum  0xEF XOR every segment data byte
 * @param storedHash        the appended SHA-256 (empty when the header says none)
 * @param computedHash      SHA-256 of the bytes before the stored hash (empty when none is appended)
 * @param appDescriptor     the ESP-IDF app description, when present
 * @param imageLength       bytes the image occupies, up to and including the hash
 * @param fileLength        bytes in the file (may include trailing padding)
 * @param fileSha256        SHA-256 of the whole file (what a flash plan records for it)
 */
public record FirmwareImage(ImageHeader header, List<Segment> segments, int storedChecksum, int computedChecksum,
                            byte[] storedHash, byte[] computedHash, Optional<AppDescriptor> appDescriptor,
                            int imageLength, int fileLength, byte[] fileSha256) {

    public FirmwareImage {
        segments = List.copyOf(segments);
        storedHash = storedHash.clone();
        computedHash = computedHash.clone();
        fileSha256 = fileSha256.clone();
    }

    @Override
    public byte[] fileSha256() {
        return fileSha256.clone();
    }

    /** The chip the header's chip id names, when mepkit knows it. */
    public Optional<ChipTarget> chip() {
        return ChipRegistry.byImageChipId(header.chipId());
    }

    public boolean checksumValid() {
        return storedChecksum == computedChecksum;
    }

    /** True when a hash is appended and matches; false when absent or wrong. */
    public boolean hashValid() {
        return header.hashAppended() && Arrays.equals(storedHash, computedHash);
    }

    public String storedHashHex() {
        return Hex.lower(storedHash);
    }

    public String computedHashHex() {
        return Hex.lower(computedHash);
    }

    @Override
    public byte[] storedHash() {
        return storedHash.clone();
    }

    @Override
    public byte[] computedHash() {
        return computedHash.clone();
    }
}
