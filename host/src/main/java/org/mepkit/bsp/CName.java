package org.mepkit.bsp;

import java.util.Locale;

/** Turns firmware-spec names ({@code esp32-mep-v2.00}, {@code JP1-GPIO32}) into C, Kconfig and file identifiers. */
public final class CName {

    private CName() {
    }

    /** {@code esp32-mep-v2.00} to {@code ESP32_MEP_V2_00}: a macro or Kconfig symbol part. */
    public static String macro(String name) {
        String s = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() || Character.isDigit(s.charAt(0)) ? "X" + s : s;
    }

    /** {@code esp32-mep-v2.00} to {@code esp32_mep_v2_00}: an Arduino board id, variant folder or scheme name. */
    public static String id(String name) {
        return macro(name).toLowerCase(Locale.ROOT);
    }

    /** Text safe inside a C block comment. */
    public static String comment(String text) {
        return text.replace("*/", "* /").replace('\n', ' ');
    }

    /** A C string literal. */
    public static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
