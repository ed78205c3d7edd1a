package org.mepkit.util;

import java.util.HexFormat;

/** Hex text in and out, with errors that say what is wrong with the input. */
public final class Hex {

    private static final HexFormat LOWER = HexFormat.of();
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {
    }

    /**
     * Parses hex digits; spaces, colons, dashes and an optional {@code 0x} prefix are ignored.
     *
     * @throws IllegalArgumentException naming the offending character and its position, or an odd digit count
     */
    public static byte[] parse(String text) {
        if (text == null) throw new IllegalArgumentException("no hex given");
        String s = text.strip();
        if (s.startsWith("0x") || s.startsWith("0X")) s = s.substring(2);
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == ':' || c == '-' || c == '\t') continue;
            if (Character.digit(c, 16) < 0) {
                throw new IllegalArgumentException("invalid hex: '" + c + "' at position " + (i + 1));
            }
            digits.append(c);
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("invalid hex: odd number of digits (" + digits.length() + ")");
        }
        return LOWER.parseHex(digits);
    }

    public static String lower(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    public static String lower(byte[] bytes, int offset, int length) {
        return LOWER.formatHex(bytes, offset, offset + length);
    }

    /** Upper-case hex with no separators, the board firmware's dump format (without its {@code 0x}). */
    public static String upper(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }
}
