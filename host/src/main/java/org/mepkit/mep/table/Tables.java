package org.mepkit.mep.table;

import java.nio.charset.StandardCharsets;

import org.mepkit.mep.frame.TableDecodeException;

/** Shared checks and text fields for the table decoders. */
final class Tables {

    private Tables() {
    }

    static void requireLength(TableId table, byte[] data, int min) {
        if (data == null) throw new TableDecodeException(table.name() + ": no data");
        if (data.length < min) {
            throw new TableDecodeException(table.name() + " data has " + data.length + " byte(s), at least " + min + " are needed");
        }
    }

    /** ISO-8859-1 text (one char per byte) with trailing spaces and NULs removed. */
    static String text(byte[] data, int off, int len) {
        int end = off + len;
        while (end > off && (data[end - 1] == ' ' || data[end - 1] == 0)) end--;
        return new String(data, off, end - off, StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code s} space-padded to {@code len} bytes. */
    static void putText(byte[] data, int off, int len, String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < len; i++) data[off + i] = i < b.length ? b[i] : (byte) ' ';
    }

    static String checkText(String field, String s, int max) {
        if (s == null) throw new IllegalArgumentException(field + " is null");
        if (s.length() > max) throw new IllegalArgumentException(field + " '" + s + "' is longer than " + max + " characters");
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) throw new IllegalArgumentException(field + " has a character outside ISO-8859-1");
        }
        return s;
    }

    static int checkU8(String field, int v) {
        if (v < 0 || v > 0xFF) throw new IllegalArgumentException(field + " " + v + " is outside 0..255");
        return v;
    }

    static int checkU16(String field, int v) {
        if (v < 0 || v > 0xFFFF) throw new IllegalArgumentException(field + " " + v + " is outside 0..65535");
        return v;
    }
}
