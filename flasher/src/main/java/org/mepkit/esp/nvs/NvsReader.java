package org.mepkit.esp.nvs;

import static org.mepkit.esp.nvs.NvsFormat.BITMAP_AT;
import static org.mepkit.esp.nvs.NvsFormat.ENTRIES_AT;
import static org.mepkit.esp.nvs.NvsFormat.ENTRIES_PER_PAGE;
import static org.mepkit.esp.nvs.NvsFormat.ENTRY;
import static org.mepkit.esp.nvs.NvsFormat.PAGE;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an NVS partition image and checks every CRC (page header, entry, string/blob data) and
 * the entry state bitmap. Any broken rule throws an {@link NvsException} naming page and entry.
 */
public final class NvsReader {

    /** A page as found: its state, sequence number and how many entries are written. */
    public record PageInfo(int index, String state, long sequence, int writtenEntries) {
    }

    /** Everything read: pages in flash order and the keys in write order. */
    public record Contents(List<PageInfo> pages, List<NvsEntry> entries) {
        public Contents {
            pages = List.copyOf(pages);
            entries = List.copyOf(entries);
        }

        public List<NvsEntry> namespace(String name) {
            return entries.stream().filter(e -> e.namespace().equals(name)).toList();
        }
    }

    private record Raw(int page, long sequence, int slot, int ns, NvsType type, int chunk, String key,
                       byte[] data, byte[] payload) {
    }

    private NvsReader() {
    }

    public static Contents read(byte[] image) {
        if (image.length == 0 || image.length % PAGE != 0) {
            throw new NvsException(NvsException.Reason.BAD_SIZE, "an NVS image is a whole number of 4096-byte pages; got "
                    + image.length + " bytes");
        }
        ByteBuffer buf = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        List<PageInfo> pages = new ArrayList<>();
        List<Raw> raws = new ArrayList<>();
        for (int p = 0; p < image.length / PAGE; p++) {
            int base = p * PAGE;
            int state = buf.getInt(base);
            if (state == NvsFormat.STATE_EMPTY) {
                pages.add(new PageInfo(p, "empty", -1, 0));
                continue;
            }
            String stateName = NvsFormat.stateName(state);
            if (stateName.startsWith("invalid")) {
                throw new NvsException(NvsException.Reason.BAD_PAGE, "page " + p + ": state " + stateName);
            }
            int crc = buf.getInt(base + 28);
            if (crc != NvsCrc.crc32(image, base + 4, 24)) {
                throw new NvsException(NvsException.Reason.BAD_CRC, String.format(
                        "page %d: header CRC 0x%08x does not match its bytes", p, crc));
            }
            int version = image[base + 8] & 0xFF;
            if (version != NvsFormat.VERSION_2 && version != 0xFF) {
                throw new NvsException(NvsException.Reason.BAD_PAGE, String.format("page %d: unknown version 0x%02x", p, version));
            }
            long seq = Integer.toUnsignedLong(buf.getInt(base + 4));
            int written = readEntries(image, p, seq, raws);
            pages.add(new PageInfo(p, stateName, seq, written));
        }
        raws.sort(Comparator.comparingLong(Raw::sequence).thenComparingInt(Raw::slot));
        return new Contents(pages, assemble(raws));
    }

    private static int readEntries(byte[] image, int p, long seq, List<Raw> out) {
        int base = p * PAGE;
        int written = 0;
        int slot = 0;
        while (slot < ENTRIES_PER_PAGE) {
            int bits = stateBits(image, base, slot);
            if (bits == NvsFormat.BITS_EMPTY) {
                slot++;
                continue;
            }
            int at = base + ENTRIES_AT + slot * ENTRY;
            int span = image[at + 2] & 0xFF;
            if (span == 0 || slot + span > ENTRIES_PER_PAGE) {
                throw new NvsException(NvsException.Reason.BAD_ENTRY, "page " + p + " entry " + slot + ": span " + span + " is impossible");
            }
            if (bits != NvsFormat.BITS_WRITTEN) {
                slot += bits == NvsFormat.BITS_ERASED ? span : 1;
                continue;
            }
            for (int s = slot + 1; s < slot + span; s++) {
                if (stateBits(image, base, s) != NvsFormat.BITS_WRITTEN) {
                    throw new NvsException(NvsException.Reason.BAD_ENTRY, "page " + p + " entry " + slot
                            + ": spans " + span + " entries but entry " + s + " is not marked written in the state bitmap");
                }
            }
            int stored = ByteBuffer.wrap(image, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (stored != NvsCrc.entryCrc(image, at)) {
                throw new NvsException(NvsException.Reason.BAD_CRC, "page " + p + " entry " + slot + ": entry CRC mismatch");
            }
            NvsType type = NvsType.ofCode(image[at + 1] & 0xFF);
            byte[] data = java.util.Arrays.copyOfRange(image, at + 24, at + 32);
            byte[] payload = new byte[0];
            if (type == NvsType.STR || type == NvsType.BLOB_DATA || type == NvsType.BLOB_V1) {
                ByteBuffer d = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
                int size = d.getShort(0) & 0xFFFF;
                if (size > (span - 1) * ENTRY) {
                    throw new NvsException(NvsException.Reason.BAD_ENTRY, "page " + p + " entry " + slot
                            + ": data size " + size + " does not fit its span of " + span);
                }
                payload = java.util.Arrays.copyOfRange(image, at + ENTRY, at + ENTRY + size);
                if (d.getInt(4) != NvsCrc.crc32(payload, 0, size)) {
                    throw new NvsException(NvsException.Reason.BAD_CRC, "page " + p + " entry " + slot + ": data CRC mismatch");
                }
            }
            int keyLen = 0;
            while (keyLen < 16 && image[at + 8 + keyLen] != 0) keyLen++;
            out.add(new Raw(p, seq, slot, image[at] & 0xFF, type, image[at + 3] & 0xFF,
                    new String(image, at + 8, keyLen, StandardCharsets.UTF_8), data, payload));
            written += span;
            slot += span;
        }
        return written;
    }

    static int stateBits(byte[] image, int pageBase, int slot) {
        int bit = 2 * slot;
        return (image[pageBase + BITMAP_AT + bit / 8] >> (bit % 8)) & 0b11;
    }

    private static List<NvsEntry> assemble(List<Raw> raws) {
        Map<Integer, String> names = new HashMap<>();
        for (Raw r : raws) {
            if (r.ns() == 0) names.put(r.data()[0] & 0xFF, r.key());
        }
        List<NvsEntry> entries = new ArrayList<>();
        for (Raw r : raws) {
            if (r.ns() == 0 || r.type() == NvsType.BLOB_DATA) continue;
            String ns = names.get(r.ns());
            if (ns == null) {
                throw new NvsException(NvsException.Reason.BAD_ENTRY, "key '" + r.key() + "' uses namespace index "
                        + r.ns() + ", which no namespace entry defines");
            }
            entries.add(new NvsEntry(ns, r.key(), value(r, raws)));
        }
        return entries;
    }

    private static NvsValue value(Raw r, List<Raw> raws) {
        NvsType t = r.type();
        if (t.isPrimitive()) {
            long v = 0;
            for (int i = t.width() - 1; i >= 0; i--) v = (v << 8) | (r.data()[i] & 0xFF);
            if (t.signed() && t.width() < 8) v = (v << (64 - 8 * t.width())) >> (64 - 8 * t.width());
            return new NvsValue.Int(t, v);
        }
        if (t == NvsType.STR) {
            byte[] p = r.payload();
            int len = p.length > 0 && p[p.length - 1] == 0 ? p.length - 1 : p.length;
            return new NvsValue.Str(new String(p, 0, len, StandardCharsets.UTF_8));
        }
        if (t == NvsType.BLOB_V1) return new NvsValue.Blob(r.payload());
        ByteBuffer d = ByteBuffer.wrap(r.data()).order(ByteOrder.LITTLE_ENDIAN);
        long size = Integer.toUnsignedLong(d.getInt(0));
        int count = d.get(4) & 0xFF;
        int start = d.get(5) & 0xFF;
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        for (int c = start; c < start + count; c++) {
            final int chunk = c;
            Raw part = raws.stream().filter(x -> x.type() == NvsType.BLOB_DATA && x.ns() == r.ns()
                    && x.key().equals(r.key()) && x.chunk() == chunk).findFirst()
                    .orElseThrow(() -> new NvsException(NvsException.Reason.BAD_ENTRY,
                            "blob '" + r.key() + "': chunk " + chunk + " is missing"));
            blob.writeBytes(part.payload());
        }
        if (blob.size() != size) {
            throw new NvsException(NvsException.Reason.BAD_ENTRY, "blob '" + r.key() + "': index says " + size
                    + " bytes, chunks hold " + blob.size());
        }
        return new NvsValue.Blob(blob.toByteArray());
    }
}
