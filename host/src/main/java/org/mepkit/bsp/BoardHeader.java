package org.mepkit.bsp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mepkit.spec.Board;
import org.mepkit.spec.FlashLayout;
import org.mepkit.spec.NvsKey;
import org.mepkit.spec.PinMap;
import org.mepkit.spec.SpecVersion;
import org.mepkit.spec.UartLink;
import org.mepkit.spec.Variant;

/**
 * The C macros of one board, shared by every export: identity, pins and their active levels,
 * the console and meter UARTs, the flash layout, the NVS settings and the assembly variant that
 * decides who powers the MAX3232. Macro names come from firmware-spec's names
 * ({@code MEP_PIN_} + signal), so a signal added there appears here without code changes.
 */
public final class BoardHeader {

    /** The macro a firmware tests to know whether it may power-cycle the MAX3232. */
    public static final String SWITCHED = "MEP_MAX3232_POWER_SWITCHED";
    private static final int NAME_WIDTH = 38;
    private static final Pattern UART_NUMBER = Pattern.compile("UART(\\d+)");

    private BoardHeader() {
    }

    /** {@code MEP_PIN_MEP_RX}: the macro of a pin map signal. */
    public static String pinMacro(String signal) {
        return "MEP_PIN_" + CName.macro(signal);
    }

    /** {@code MEP_BSP_VARIANT_R4}: the macro that selects a variant. */
    public static String variantMacro(Variant v) {
        return "MEP_BSP_VARIANT_" + CName.macro(v.name());
    }

    /** Identity, pins, UARTs, flash and NVS: the facts that do not depend on the variant. */
    public static String facts(Board b, SpecVersion spec) {
        StringBuilder s = new StringBuilder();
        s.append("/* Board: ").append(CName.comment(b.title())).append(" */\n");
        define(s, "MEP_BSP_BOARD", CName.quoted(b.name()), null);
        define(s, "MEP_BSP_BOARD_" + CName.macro(b.name()), "1", null);
        define(s, "MEP_BSP_CHIP", CName.quoted(b.chip()), b.module());
        define(s, "MEP_BSP_SPEC_VERSION", CName.quoted(spec.version()), "firmware-spec release");
        define(s, "MEP_BSP_SPEC_DIGEST", CName.quoted("sha256:" + spec.boardDigest()), "this board's data in firmware-spec");
        s.append("\n/* Pins (GPIO numbers; firmware-spec pin map of the ").append(CName.comment(b.pinMap().module())).append(") */\n");
        for (PinMap.Pin p : b.pinMap().pins()) {
            if (p.signal().equals(PinMap.MAX3232_POWER)) continue;   // only in the variants that wire it
            pin(s, p);
        }
        s.append("\n/* Serial lines */\n");
        uart(s, "MEP_CONSOLE", b.console());
        uart(s, "MEP_METER", b.meterLine());
        FlashLayout f = b.flashLayout();
        s.append("\n/* Flash: ").append(CName.comment(f.name())).append(" */\n");
        define(s, "MEP_FLASH_SIZE", hex(f.flashSize()), (f.flashSize() >> 20) + " MB");
        define(s, "MEP_BOOTLOADER_OFFSET", hex(b.bootloaderOffset()), null);
        define(s, "MEP_PARTITION_TABLE_OFFSET", hex(f.partitionTableOffset()), null);
        define(s, "MEP_APP_OFFSET", hex(f.appOffset()), "the first app partition");
        for (FlashLayout.Partition p : f.partitions()) {
            String m = "MEP_PARTITION_" + CName.macro(p.name());
            define(s, m + "_OFFSET", hex(p.offset()), p.type() + "/" + p.subtype());
            define(s, m + "_SIZE", hex(p.size()), (p.size() >> 10) + " KiB");
        }
        s.append("\n/* Settings (NVS namespace; the firmware erases the partition unless the marker key holds the marker value) */\n");
        define(s, "MEP_NVS_NAMESPACE", CName.quoted(b.nvs().namespace()), null);
        define(s, "MEP_NVS_MARKER_KEY", CName.quoted(b.nvs().markerKey()), null);
        define(s, "MEP_NVS_MARKER_VALUE", CName.quoted(b.nvs().markerValue()), null);
        for (NvsKey k : b.nvs().keys()) {
            String m = "MEP_NVS_" + CName.macro(k.name());
            define(s, m + "_KEY", CName.quoted(k.name()), k.type().nvsEncoding() + (k.secret() ? ", secret: never print or log it" : ""));
            if (k.maxLength() != null) define(s, m + "_MAX_LEN", String.valueOf(k.maxLength()), "characters kept; longer values are cut at boot");
        }
        return s.toString();
    }

    /**
     * The variant section: picks {@code defaultVariant} unless a {@code MEP_BSP_VARIANT_*} macro is
     * already defined, refuses two at once, and defines {@link #SWITCHED} and (when switched)
     * the MAX3232 power pin and its level.
     */
    public static String variants(Board b, Optional<Variant> defaultVariant) {
        StringBuilder s = new StringBuilder();
        Optional<PinMap.Pin> power = b.pinMap().find(PinMap.MAX3232_POWER);
        if (b.variants().isEmpty()) {
            s.append("\n/* Assembly variant: this board has none; nothing switches a MAX3232 supply. */\n");
            define(s, "MEP_BSP_VARIANT", "\"\"", null);
            define(s, SWITCHED, "0", null);
            return s.toString();
        }
        List<String> macros = b.variants().stream().map(BoardHeader::variantMacro).toList();
        Variant dflt = defaultVariant.orElseThrow();
        s.append("\n/* Assembly variant: who powers the MAX3232. Choose one by defining ")
                .append(String.join(" or ", macros)).append(";\n   without one, this export's choice ")
                .append(dflt.name()).append(" applies. */\n");
        s.append("#if ").append(String.join(" && ", macros.stream().map(m -> "!defined(" + m + ")").toList())).append('\n');
        define(s, variantMacro(dflt), "1", null);
        s.append("#endif\n");
        s.append("#if (").append(String.join(" + ", macros.stream().map(m -> "defined(" + m + ")").toList())).append(") > 1\n");
        s.append("#error \"").append(b.name()).append(": define only one of ").append(String.join(", ", macros)).append("\"\n");
        s.append("#endif\n");
        String keyword = "#if";
        for (Variant v : b.variants()) {
            s.append(keyword).append(" defined(").append(variantMacro(v)).append(")\n");
            keyword = "#elif";
            define(s, "MEP_BSP_VARIANT", CName.quoted(v.name()), v.description());
            if (v.switchable() && power.isPresent()) {
                define(s, SWITCHED, "1", "the firmware can power-cycle the MAX3232");
                PinMap.Pin p = power.get();
                pin(s, p);
            } else {
                define(s, SWITCHED, "0", "powered from " + v.max3232Supply() + " all the time");
            }
        }
        s.append("#endif\n");
        return s.toString();
    }

    private static void pin(StringBuilder s, PinMap.Pin p) {
        String where = "GPIO" + p.gpio() + (p.modulePin() == null ? "" : ", module pin " + p.modulePin())
                + (p.net() == null ? "" : ", net " + p.net());
        define(s, pinMacro(p.signal()), String.valueOf(p.gpio()), where + ": " + p.use());
        if (p.direction() == PinMap.Direction.OUT && !p.signal().endsWith("_TX")) {
            define(s, "MEP_" + CName.macro(p.signal()) + "_ACTIVE_LEVEL", p.activeLow() ? "0" : "1",
                    (p.activeLow() ? "LOW" : "HIGH") + " = asserted");
        }
    }

    private static void uart(StringBuilder s, String prefix, UartLink link) {
        Matcher m = UART_NUMBER.matcher(link.uart());
        if (m.matches()) {
            define(s, prefix + "_UART_NUM", m.group(1), link.uart() + " on " + link.connector());
        } else {
            define(s, prefix + "_UART_SOFTWARE", "1", link.uart() + " on " + link.connector());
        }
        define(s, prefix + "_BAUD", String.valueOf(link.baud()), null);
        define(s, prefix + "_FRAMING", CName.quoted(link.framing()), null);
    }

    private static String hex(long value) {
        return String.format(Locale.ROOT, "0x%X", value);
    }

    static void define(StringBuilder s, String name, String value, String comment) {
        StringBuilder line = new StringBuilder("#define ").append(name);
        while (line.length() < NAME_WIDTH) line.append(' ');
        line.append(' ').append(value);
        if (comment != null && !comment.isBlank()) {
            while (line.length() < NAME_WIDTH + 12) line.append(' ');
            line.append(" /* ").append(CName.comment(comment)).append(" */");
        }
        s.append(line).append('\n');
    }
}
