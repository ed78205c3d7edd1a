package org.mepkit.esp.image;

import static org.mepkit.esp.image.ImageException.Reason.BAD_HEADER;
import static org.mepkit.esp.image.ImageException.Reason.BAD_MAGIC;
import static org.mepkit.esp.image.ImageException.Reason.BAD_SEGMENT;
import static org.mepkit.esp.image.ImageException.Reason.TRUNCATED;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.chip.ChipTarget;
import org.mepkit.util.Hex;

/** Parses the ESP32 image format (flashing reference §7). Pure: bytes in, {@link FirmwareImage} out. */
public final class ImageReader {

    /** More segments than this is a corrupt header (esptool's own limit is 16). */
    public static final int MAX_SEGMENTS = 16;
    private static final int SHA256_LENGTH = 32;

    private ImageReader() {
    }

    public static FirmwareImage read(byte[] file) {
        if (file.length < ImageHeader.LENGTH) {
            throw new ImageException(TRUNCATED, "image truncated: " + file.length + " bytes, the header alone needs 24");
        }
        ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int magic = buf.get(0) & 0xFF;
        if (magic != ImageHeader.MAGIC) {
            throw new ImageException(BAD_MAGIC, String.format("not an ESP32 image: first byte is 0x%02x, expected 0xe9", magic));
        }
        ImageHeader header = header(buf);
        if (header.segmentCount() == 0 || header.segmentCount() > MAX_SEGMENTS) {
            throw new ImageException(BAD_HEADER, "corrupt header: " + header.segmentCount() + " segments (1.."
                    + MAX_SEGMENTS + " expected)");
        }
        List<Segment> segments = new ArrayList<>();
        int pos = ImageHeader.LENGTH;
        int checksum = 0xEF;
        for (int i = 0; i < header.segmentCount(); i++) {
            if (pos + 8 > file.length) {
                throw new ImageException(TRUNCATED, "image truncated in the header of segment " + i + " at offset 0x" + Integer.toHexString(pos));
            }
            long load = Integer.toUnsignedLong(buf.getInt(pos));
            long length = Integer.toUnsignedLong(buf.getInt(pos + 4));
            if (length > file.length - pos - 8) {
                throw new ImageException(TRUNCATED, String.format("image truncated: segment %d at 0x%x claims %d bytes, only %d remain",
                        i, pos, length, file.length - pos - 8));
            }
            if (length % 4 != 0) {
                throw new ImageException(BAD_SEGMENT, "segment " + i + " length " + length + " is not a multiple of 4");
            }
            Segment segment = new Segment(load, pos + 8, (int) length);
            for (int k = segment.fileOffset(); k < segment.fileOffset() + segment.length(); k++) {
                checksum ^= file[k];
            }
            checksum &= 0xFF;
            segments.add(segment);
            pos = segment.fileOffset() + segment.length();
        }
        int checksumAt = checksumOffset(pos);
        if (checksumAt >= file.length) {
            throw new ImageException(TRUNCATED, "image truncated: no checksum byte at offset 0x" + Integer.toHexString(checksumAt));
        }
        int stored = file[checksumAt] & 0xFF;
        int end = checksumAt + 1;
        byte[] storedHash = new byte[0];
        byte[] computedHash = new byte[0];
        // one pass of SHA-256 gives both the appended hash's check and the whole file's hash (a cold JVM hashes slowly)
        MessageDigest md = sha256();
        md.update(file, 0, end);
        if (header.hashAppended()) {
            if (end + SHA256_LENGTH > file.length) {
                throw new ImageException(TRUNCATED, "image truncated: the header announces a SHA-256 but only "
                        + (file.length - end) + " bytes follow the checksum");
            }
            storedHash = java.util.Arrays.copyOfRange(file, end, end + SHA256_LENGTH);
            computedHash = digestOfCopy(md);
            end += SHA256_LENGTH;
        }
        md.update(file, checksumAt + 1, file.length - checksumAt - 1);
        Optional<ChipTarget> chip = ChipRegistry.byImageChipId(header.chipId());
        return new FirmwareImage(header, segments, stored, checksum, storedHash, computedHash,
                chip.flatMap(c -> appDescriptor(file, segments, c)), end, file.length, md.digest());
    }

    private static byte[] digestOfCopy(MessageDigest md) {
        try {
            return ((MessageDigest) md.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
        }
    }

    /** The checksum byte sits where (its offset + 1) is a multiple of 16. */
    static int checksumOffset(int afterSegments) {
        return (afterSegments + 16) / 16 * 16 - 1;
    }

    private static ImageHeader header(ByteBuffer buf) {
        int segments = buf.get(1) & 0xFF;
        FlashMode mode = FlashMode.ofCode(buf.get(2) & 0xFF);
        int sizeFreq = buf.get(3) & 0xFF;
        long entry = Integer.toUnsignedLong(buf.getInt(4));
        int wp = buf.get(8) & 0xFF;
        int chipId = buf.getShort(12) & 0xFFFF;
        int minRev = buf.getShort(15) & 0xFFFF;
        int maxRev = buf.getShort(17) & 0xFFFF;
        int hashFlag = buf.get(23) & 0xFF;
        if (hashFlag > 1) {
            throw new ImageException(BAD_HEADER, "corrupt header: hash-appended flag is " + hashFlag + " (0 or 1 expected)");
        }
        return new ImageHeader(segments, mode, FlashSize.ofCode(sizeFreq >> 4), FlashFreq.ofCode(sizeFreq & 0xF),
                entry, wp, chipId, minRev, maxRev, hashFlag == 1);
    }

    /** The descriptor at the start of the first segment in the chip's DROM window (where ESP-IDF puts it). */
    private static Optional<AppDescriptor> appDescriptor(byte[] file, List<Segment> segments, ChipTarget chip) {
        for (Segment s : segments) {
            if (!chip.inDrom(s.loadAddress())) continue;
            if (s.length() < AppDescriptor.LENGTH) return Optional.empty();
            ByteBuffer d = ByteBuffer.wrap(file, s.fileOffset(), AppDescriptor.LENGTH).slice().order(ByteOrder.LITTLE_ENDIAN);
            if (Integer.toUnsignedLong(d.getInt(0)) != AppDescriptor.MAGIC) return Optional.empty();
            return Optional.of(new AppDescriptor(
                    Integer.toUnsignedLong(d.getInt(4)),
                    text(file, s.fileOffset() + AppDescriptor.VERSION_AT, 32),
                    text(file, s.fileOffset() + AppDescriptor.PROJECT_AT, 32),
                    text(file, s.fileOffset() + AppDescriptor.TIME_AT, 16),
                    text(file, s.fileOffset() + AppDescriptor.DATE_AT, 16),
                    text(file, s.fileOffset() + AppDescriptor.IDF_AT, 32),
                    Hex.lower(file, s.fileOffset() + AppDescriptor.ELF_SHA_AT, 32)));
        }
        return Optional.empty();
    }

    private static String text(byte[] file, int at, int max) {
        int len = 0;
        while (len < max && file[at + len] != 0) len++;
        return new String(file, at, len, StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] data, int offset, int length) {
        MessageDigest md = sha256();
        md.update(data, offset, length);
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JRE", e);
        }
    }
}
