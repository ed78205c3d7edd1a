package org.mepkit.esp.partition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a partition table CSV as ESP-IDF's gen_esp32part does (flashing reference §8): one
 * {@code name, type, subtype, offset, size[, flags]} row per partition, {@code #} comments,
 * type and subtype by name or number, offset and size in decimal, hex or with a K/M suffix,
 * an empty offset placed after the previous partition (64 KiB aligned for apps, 4 KiB for
 * data), flags {@code encrypted} and {@code readonly} joined with {@code :}. The result carries
 * an MD5 row, as gen_esp32part writes by default.
 */
public final class PartitionCsv {

    private static final int ENCRYPTED = 1;
    private static final int READONLY = 2;

    private PartitionCsv() {
    }

    /** @throws PartitionException naming the line of the first malformed row */
    public static PartitionTable read(String csv) {
        List<Partition> partitions = new ArrayList<>();
        long next = PartitionTable.OFFSET + PartitionTable.SECTOR;
        String[] lines = csv.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split(",", -1);
            for (int k = 0; k < f.length; k++) f[k] = f[k].strip();
            String where = "partition CSV line " + (i + 1);
            if (f.length < 5) throw bad(where + ": needs name, type, subtype, offset, size");
            int type = type(f[1], where);
            int subtype = subtype(type, f[2], where);
            long size = size(f[4], where);
            long alignment = type == Partition.TYPE_APP ? 0x10000 : 0x1000;
            long offset = f[3].isEmpty() ? (next + alignment - 1) / alignment * alignment : size(f[3], where);
            int flags = f.length > 5 ? flags(f[5], where) : 0;
            partitions.add(new Partition(f[0], type, subtype, offset, size, flags));
            next = offset + size;
        }
        if (partitions.isEmpty()) throw bad("partition CSV has no rows");
        return PartitionTable.of(partitions);
    }

    private static int type(String text, String where) {
        if (text.equals("app")) return Partition.TYPE_APP;
        if (text.equals("data")) return Partition.TYPE_DATA;
        return (int) number(text, where + ": type", 0xFE);
    }

    private static int subtype(int type, String text, String where) {
        if (text.isEmpty()) return 0;
        for (int code = 0; code <= 0xFE; code++) {
            if (Partition.subtypeName(type, code).equals(text)) return code;
        }
        return (int) number(text, where + ": subtype '" + text + "' for type " + Partition.typeName(type), 0xFE);
    }

    private static int flags(String text, String where) {
        int flags = 0;
        if (text.isEmpty()) return flags;
        for (String name : text.split(":")) {
            switch (name.strip()) {
                case "encrypted" -> flags |= ENCRYPTED;
                case "readonly" -> flags |= READONLY;
                default -> throw bad(where + ": unknown flag '" + name.strip() + "'");
            }
        }
        return flags;
    }

    private static long size(String text, String where) {
        String t = text.toUpperCase(Locale.ROOT);
        if (t.endsWith("K") || t.endsWith("M")) {
            long unit = t.endsWith("K") ? 1024 : 1024 * 1024;
            return number(t.substring(0, t.length() - 1), where, Long.MAX_VALUE / unit) * unit;
        }
        return number(text, where, 0xFFFFFFFFL);
    }

    private static long number(String text, String where, long max) {
        try {
            long v = text.startsWith("0x") || text.startsWith("0X") ? Long.parseLong(text.substring(2), 16) : Long.parseLong(text);
            if (v < 0 || v > max) throw bad(where + ": " + text + " is out of range");
            return v;
        } catch (NumberFormatException e) {
            throw bad(where + ": '" + text + "' is not a number");
        }
    }

    private static PartitionException bad(String message) {
        return new PartitionException(PartitionException.Reason.BAD_TABLE, message);
    }
}
