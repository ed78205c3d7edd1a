package org.mepkit.esp.partition;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads and writes the binary partition table (flashing reference §8). Pure. */
public final class PartitionTableCodec {

    /** Size of the binary as made by gen_esp32part / Arduino (0xC00, the rest of the sector is left unwritten). */
    public static final int TABLE_BYTES = 0xC00;
    static final int ENTRY = 32;
    private static final int MAX_ENTRIES = TABLE_BYTES / ENTRY - 1;

    private PartitionTableCodec() {
    }

    public static PartitionTable read(byte[] bin) {
        ByteBuffer buf = ByteBuffer.wrap(bin).order(ByteOrder.LITTLE_ENDIAN);
        List<Partition> parts = new ArrayList<>();
        boolean md5Present = false;
        boolean md5Valid = false;
        for (int at = 0; ; at += ENTRY) {
            if (at + ENTRY > bin.length) {
                throw new PartitionException(PartitionException.Reason.BAD_TABLE,
                        "partition table truncated at offset 0x" + Integer.toHexString(at) + " (no end marker)");
            }
            int magic = buf.getShort(at) & 0xFFFF;
            if (magic == 0xFFFF) break;
            if (magic == 0xEBEB) {
                md5Present = true;
                byte[] stored = Arrays.copyOfRange(bin, at + 16, at + 32);
                md5Valid = Arrays.equals(stored, md5(bin, at));
                break;
            }
            if (magic != 0x50AA) {
                throw new PartitionException(PartitionException.Reason.BAD_TABLE, String.format(
                        "not a partition table: entry %d at 0x%x starts %02x %02x, expected aa 50",
                        parts.size(), at, bin[at] & 0xFF, bin[at + 1] & 0xFF));
            }
            int nameLen = 0;
            while (nameLen < 16 && bin[at + 12 + nameLen] != 0) nameLen++;
            parts.add(new Partition(new String(bin, at + 12, nameLen, StandardCharsets.UTF_8),
                    bin[at + 2] & 0xFF, bin[at + 3] & 0xFF,
                    Integer.toUnsignedLong(buf.getInt(at + 4)), Integer.toUnsignedLong(buf.getInt(at + 8)),
                    buf.getInt(at + 28)));
        }
        if (parts.isEmpty()) {
            throw new PartitionException(PartitionException.Reason.BAD_TABLE, "partition table has no entries");
        }
        return new PartitionTable(parts, md5Present, md5Valid);
    }

    /** The 0xC00-byte binary: entries, the MD5 row when {@code table.md5Present()}, then 0xFF. */
    public static byte[] write(PartitionTable table) {
        if (table.partitions().size() > MAX_ENTRIES) {
            throw new PartitionException(PartitionException.Reason.BAD_TABLE, "too many partitions: " + table.partitions().size());
        }
        byte[] bin = new byte[TABLE_BYTES];
        Arrays.fill(bin, (byte) 0xFF);
        ByteBuffer buf = ByteBuffer.wrap(bin).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        for (Partition p : table.partitions()) {
            buf.position(at);
            buf.putShort((short) 0x50AA).put((byte) p.type()).put((byte) p.subtype())
                    .putInt((int) p.offset()).putInt((int) p.size());
            byte[] name = Arrays.copyOf(p.name().getBytes(StandardCharsets.UTF_8), 16);
            buf.put(name).putInt(p.flags());
            at += ENTRY;
        }
        if (table.md5Present()) {
            bin[at] = (byte) 0xEB;
            bin[at + 1] = (byte) 0xEB;
            System.arraycopy(md5(bin, at), 0, bin, at + 16, 16);
        }
        return bin;
    }

    private static byte[] md5(byte[] bin, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(bin, 0, length);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JRE", e);
        }
    }
}
