package org.mepkit.esp.nvs;

import static org.mepkit.esp.nvs.NvsFormat.BITMAP_AT;
import static org.mepkit.esp.nvs.NvsFormat.BITS_WRITTEN;
import static org.mepkit.esp.nvs.NvsFormat.ENTRIES_AT;
import static org.mepkit.esp.nvs.NvsFormat.ENTRIES_PER_PAGE;
import static org.mepkit.esp.nvs.NvsFormat.ENTRY;
import static org.mepkit.esp.nvs.NvsFormat.NO_CHUNK;
import static org.mepkit.esp.nvs.NvsFormat.PAGE;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an NVS partition image the way ESP-IDF's generator does: version-2 pages filled in order
 * (finished pages FULL, the last one written ACTIVE, the rest left erased), a namespace entry before
 * the first key of each namespace, strings and blobs spanning the entries after their header, and
 * the last page always left empty for garbage collection.
 */
public final class NvsImageWriter {

    private final byte[] image;
    private final int usablePages;
    private final Map<String, Integer> namespaces = new LinkedHashMap<>();
    private int page = -1;
    private int slot = ENTRIES_PER_PAGE;

    private NvsImageWriter(int sizeBytes) {
        if (sizeBytes % PAGE != 0 || sizeBytes / PAGE < NvsFormat.MIN_PAGES) {
            throw new NvsException(NvsException.Reason.BAD_SIZE, String.format(
                    "NVS partition size 0x%x must be a multiple of 0x1000 and at least 0x3000", sizeBytes));
        }
        image = new byte[sizeBytes];
        Arrays.fill(image, (byte) 0xFF);
        usablePages = sizeBytes / PAGE - 1;
    }

    /** The image of {@code entries} (in order) for a partition of {@code sizeBytes}. */
    public static byte[] write(List<NvsEntry> entries, int sizeBytes) {
        NvsImageWriter w = new NvsImageWriter(sizeBytes);
        for (NvsEntry e : entries) w.add(e);
        return w.image.clone();
    }

    private void add(NvsEntry e) {
        int ns = namespaces.computeIfAbsent(e.namespace(), name -> {
            int index = namespaces.size() + 1;
            if (index > 254) throw new NvsException(NvsException.Reason.NO_SPACE, "more than 254 namespaces");
            byte[] data = primitive(index, 1);
            writeEntry(0, NvsType.U8, 1, NO_CHUNK, name, data, new byte[0]);
            return index;
        });
        NvsValue v = e.value();
        if (v instanceof NvsValue.Int i) {
            writeEntry(ns, i.type(), 1, NO_CHUNK, e.key(), primitive(i.value(), i.type().width()), new byte[0]);
        } else if (v instanceof NvsValue.Str s) {
            byte[] payload = (s.value() + "\0").getBytes(StandardCharsets.UTF_8);
            if (payload.length > NvsFormat.MAX_STRING_BYTES) {
                throw new NvsException(NvsException.Reason.VALUE_TOO_LONG, "string '" + e.key() + "' is "
                        + (payload.length - 1) + " bytes; NVS strings hold at most " + (NvsFormat.MAX_STRING_BYTES - 1));
            }
            writeEntry(ns, NvsType.STR, 1 + chunks(payload.length), NO_CHUNK, e.key(), varHeader(payload), payload);
        } else if (v instanceof NvsValue.Blob b) {
            writeBlob(ns, e.key(), b.value());
        }
    }

    private void writeBlob(int ns, String key, byte[] blob) {
        int chunk = 0;
        int done = 0;
        do {
            if (ENTRIES_PER_PAGE - slot < 2) nextPage(key);
            int room = (ENTRIES_PER_PAGE - slot - 1) * ENTRY;
            int len = Math.min(room, blob.length - done);
            byte[] part = Arrays.copyOfRange(blob, done, done + len);
            writeEntry(ns, NvsType.BLOB_DATA, 1 + chunks(len), chunk, key, varHeader(part), part);
            done += len;
            chunk++;
        } while (done < blob.length);
        ByteBuffer idx = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        idx.putInt(blob.length).put((byte) chunk).put((byte) 0).putShort((short) 0xFFFF);
        writeEntry(ns, NvsType.BLOB_IDX, 1, NO_CHUNK, key, idx.array(), new byte[0]);
    }

    private static int chunks(int payloadBytes) {
        return (payloadBytes + ENTRY - 1) / ENTRY;
    }

    private static byte[] primitive(long value, int width) {
        byte[] data = new byte[8];
        Arrays.fill(data, (byte) 0xFF);
        for (int i = 0; i < width; i++) data[i] = (byte) (value >>> (8 * i));
        return data;
    }

    private static byte[] varHeader(byte[] payload) {
        ByteBuffer d = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        d.putShort((short) payload.length).putShort((short) 0xFFFF).putInt(NvsCrc.crc32(payload, 0, payload.length));
        return d.array();
    }

    private void writeEntry(int ns, NvsType type, int span, int chunk, String key, byte[] data, byte[] payload) {
        if (slot + span > ENTRIES_PER_PAGE) nextPage(key);
        int base = page * PAGE;
        int at = base + ENTRIES_AT + slot * ENTRY;
        image[at] = (byte) ns;
        image[at + 1] = (byte) type.code();
        image[at + 2] = (byte) span;
        image[at + 3] = (byte) chunk;
        byte[] keyBytes = Arrays.copyOf(key.getBytes(StandardCharsets.UTF_8), 16);
        System.arraycopy(keyBytes, 0, image, at + 8, 16);
        System.arraycopy(data, 0, image, at + 24, 8);
        ByteBuffer.wrap(image, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(NvsCrc.entryCrc(image, at));
        for (int i = 0; i < payload.length; i++) image[at + ENTRY + i] = payload[i];
        int padEnd = at + span * ENTRY;
        for (int i = at + ENTRY + payload.length; i < padEnd; i++) image[i] = (byte) 0xFF;
        for (int s = slot; s < slot + span; s++) markWritten(base, s);
        slot += span;
    }

    private void markWritten(int base, int s) {
        int bit = 2 * s;
        int at = base + BITMAP_AT + bit / 8;
        int shift = bit % 8;
        image[at] = (byte) ((image[at] & ~(0b11 << shift)) | (BITS_WRITTEN << shift));
    }

    private void nextPage(String key) {
        if (page >= 0) setState(page, NvsFormat.STATE_FULL);
        page++;
        if (page >= usablePages) {
            throw new NvsException(NvsException.Reason.NO_SPACE, "NVS partition of " + image.length
                    + " bytes is full at key '" + key + "' (the last page must stay free)");
        }
        int base = page * PAGE;
        ByteBuffer h = ByteBuffer.wrap(image, base, NvsFormat.HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(base, NvsFormat.STATE_ACTIVE).putInt(base + 4, page);
        image[base + 8] = (byte) NvsFormat.VERSION_2;
        h.putInt(base + 28, NvsCrc.crc32(image, base + 4, 24));
        slot = 0;
    }

    private void setState(int p, int state) {
        ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putInt(p * PAGE, state);
    }
}
