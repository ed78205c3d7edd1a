package org.mepkit.mep.table;

import java.util.Locale;

/**
 * A table id on the wire: basic table BTn = n, extended table ETn = 0x0800 + n
 * (mep-protocol.md conventions).
 *
 * @param id 0..0xFFFF
 */
public record TableId(int id) {

    public static final int EXTENDED_BASE = 0x0800;

    public static final TableId BT00 = new TableId(0);
    public static final TableId BT01 = new TableId(1);
    public static final TableId BT07 = new TableId(7);
    public static final TableId BT08 = new TableId(8);
    public static final TableId BT21 = new TableId(21);
    public static final TableId BT23 = new TableId(23);
    public static final TableId BT28 = new TableId(28);
    public static final TableId BT52 = new TableId(52);
    public static final TableId ET03 = extended(3);
    public static final TableId ET11 = extended(11);
    public static final TableId ET13 = extended(13);
    public static final TableId ET50 = extended(50);
    /** 0x083A: the table the firmware's alert chain reads (labelled "ET58" there). */
    public static final TableId ET58 = extended(58);
    /** 0x083B: a procedure-result table the firmware's decoder handles. */
    public static final TableId ET59 = extended(59);

    public TableId {
        if (id < 0 || id > 0xFFFF) throw new IllegalArgumentException("table id " + id + " is outside 0..0xFFFF");
    }

    public static TableId basic(int n) {
        if (n < 0 || n >= EXTENDED_BASE) throw new IllegalArgumentException("basic table number " + n + " is outside 0..2047");
        return new TableId(n);
    }

    public static TableId extended(int n) {
        if (n < 0 || n >= EXTENDED_BASE) throw new IllegalArgumentException("extended table number " + n + " is outside 0..2047");
        return new TableId(EXTENDED_BASE + n);
    }

    /**
     * Accepts {@code BT28}, {@code bt28}, {@code ET11}, {@code 0x001C} and plain decimal {@code 28}.
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    public static TableId parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("no table id given");
        String s = text.strip().toUpperCase(Locale.ROOT);
        try {
            if (s.startsWith("BT")) return basic(Integer.parseInt(s.substring(2)));
            if (s.startsWith("ET")) return extended(Integer.parseInt(s.substring(2)));
            if (s.startsWith("0X")) return new TableId(Integer.parseInt(s.substring(2), 16));
            return new TableId(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a table id: '" + text.strip()
                    + "' (use BT28, ET11, 0x001C or 28)");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a table id: '" + text.strip() + "': " + e.getMessage());
        }
    }

    /** "BT28", "ET11"; ids at or above 0x1000 as "0x1234". */
    public String name() {
        if (id < EXTENDED_BASE) return String.format("BT%02d", id);
        if (id < 2 * EXTENDED_BASE) return String.format("ET%02d", id - EXTENDED_BASE);
        return String.format("0x%04X", id);
    }

    @Override
    public String toString() {
        return name();
    }
}
