package org.mepkit.bsp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.mepkit.spec.Board;
import org.mepkit.spec.FirmwareBuild;
import org.mepkit.spec.FlashLayout;
import org.mepkit.spec.NvsKey;
import org.mepkit.spec.PinMap;
import org.mepkit.spec.UartLink;
import org.mepkit.spec.Variant;

/**
 * What a firmware port from one board to another has to care about: every fact of the two
 * boards that differs (pins, serial lines, flash layout, variants, settings, build), each with
 * the generated macro it changes where there is one. Equal facts are left out.
 */
public final class BoardDiff {

    /** One difference; {@code a} or {@code b} is {@code "-"} when only one board has the item. */
    public record Difference(String section, String item, String a, String b, String macro) {
    }

    private static final String NONE = "-";

    private BoardDiff() {
    }

    public static List<Difference> between(Board a, Board b) {
        List<Difference> out = new ArrayList<>();
        compare(out, "board", "chip", a.chip(), b.chip(), "MEP_BSP_CHIP");
        compare(out, "board", "module", a.module(), b.module(), null);
        compare(out, "board", "form", a.form().name(), b.form().name(), null);
        compare(out, "board", "bootloader offset", hex(a.bootloaderOffset()), hex(b.bootloaderOffset()), "MEP_BOOTLOADER_OFFSET");
        pins(out, a.pinMap(), b.pinMap());
        uart(out, "console", a.console(), b.console(), "MEP_CONSOLE");
        uart(out, "meter line", a.meterLine(), b.meterLine(), "MEP_METER");
        flash(out, a.flashLayout(), b.flashLayout());
        variants(out, a, b);
        settings(out, a, b);
        build(out, a.build(), b.build());
        return out;
    }

    private static void pins(List<Difference> out, PinMap a, PinMap b) {
        for (String signal : union(a.pins(), b.pins(), PinMap.Pin::signal)) {
            Optional<PinMap.Pin> pa = a.find(signal);
            Optional<PinMap.Pin> pb = b.find(signal);
            String macro = BoardHeader.pinMacro(signal);
            compare(out, "pins", signal, pa.map(p -> "GPIO" + p.gpio()).orElse(NONE), pb.map(p -> "GPIO" + p.gpio()).orElse(NONE), macro);
            if (pa.isPresent() && pb.isPresent()) {
                compare(out, "pins", signal + " active level", level(pa.get()), level(pb.get()),
                        "MEP_" + CName.macro(signal) + "_ACTIVE_LEVEL");
                compare(out, "pins", signal + " direction", pa.get().direction().name().toLowerCase(Locale.ROOT),
                        pb.get().direction().name().toLowerCase(Locale.ROOT), null);
                compare(out, "pins", signal + " net", text(pa.get().net()), text(pb.get().net()), null);
            }
        }
    }

    private static void uart(List<Difference> out, String name, UartLink a, UartLink b, String prefix) {
        compare(out, "serial", name + " uart", a.uart(), b.uart(), prefix + "_UART_NUM");
        compare(out, "serial", name + " baud", String.valueOf(a.baud()), String.valueOf(b.baud()), prefix + "_BAUD");
        compare(out, "serial", name + " framing", a.framing(), b.framing(), prefix + "_FRAMING");
        compare(out, "serial", name + " connector", a.connector(), b.connector(), null);
    }

    private static void flash(List<Difference> out, FlashLayout a, FlashLayout b) {
        compare(out, "layout", "flash size", (a.flashSize() >> 20) + " MB", (b.flashSize() >> 20) + " MB", "MEP_FLASH_SIZE");
        compare(out, "layout", "partition table offset", hex(a.partitionTableOffset()), hex(b.partitionTableOffset()),
                "MEP_PARTITION_TABLE_OFFSET");
        for (String name : union(a.partitions(), b.partitions(), FlashLayout.Partition::name)) {
            compare(out, "layout", "partition " + name, a.find(name).map(BoardDiff::partition).orElse(NONE),
                    b.find(name).map(BoardDiff::partition).orElse(NONE), "MEP_PARTITION_" + CName.macro(name) + "_*");
        }
    }

    private static void variants(List<Difference> out, Board a, Board b) {
        for (String name : union(a.variants(), b.variants(), Variant::name)) {
            compare(out, "variants", name, a.variant(name).map(BoardDiff::variant).orElse(NONE),
                    b.variant(name).map(BoardDiff::variant).orElse(NONE), "MEP_BSP_VARIANT_" + CName.macro(name));
        }
        compare(out, "variants", "MAX3232 power cycle possible", yesNo(a.canPowerCycleMax3232()), yesNo(b.canPowerCycleMax3232()),
                BoardHeader.SWITCHED);
    }

    private static void settings(List<Difference> out, Board a, Board b) {
        compare(out, "settings", "namespace", a.nvs().namespace(), b.nvs().namespace(), "MEP_NVS_NAMESPACE");
        compare(out, "settings", "marker", a.nvs().markerKey() + "=" + a.nvs().markerValue(),
                b.nvs().markerKey() + "=" + b.nvs().markerValue(), "MEP_NVS_MARKER_KEY");
        for (String key : union(a.nvs().keys(), b.nvs().keys(), NvsKey::name)) {
            compare(out, "settings", key, a.nvs().find(key).map(BoardDiff::key).orElse(NONE),
                    b.nvs().find(key).map(BoardDiff::key).orElse(NONE), "MEP_NVS_" + CName.macro(key) + "_*");
        }
    }

    private static void build(List<Difference> out, FirmwareBuild a, FirmwareBuild b) {
        compare(out, "build", "architecture", a.arch(), b.arch(), null);
        compare(out, "build", "cpu clock", a.cpuMHz() + " MHz", b.cpuMHz() + " MHz", null);
        compare(out, "build", "flash mode", a.flashMode(), b.flashMode(), null);
        compare(out, "build", "flash clock", a.flashFreqMHz() + " MHz", b.flashFreqMHz() + " MHz", null);
        compare(out, "build", "upload speed", String.valueOf(a.uploadBaud()), String.valueOf(b.uploadBaud()), null);
        Set<String> pins = new TreeSet<>(a.peripheralDefaults().keySet());
        pins.addAll(b.peripheralDefaults().keySet());
        for (String pin : pins) {
            compare(out, "build", pin + " default pin", gpio(a.peripheralDefaults().get(pin)), gpio(b.peripheralDefaults().get(pin)), pin);
        }
    }

    private static <T> Set<String> union(List<T> a, List<T> b, Function<T, String> name) {
        Set<String> names = new LinkedHashSet<>(a.stream().map(name).toList());
        names.addAll(b.stream().map(name).toList());
        return names;
    }

    private static void compare(List<Difference> out, String section, String item, String a, String b, String macro) {
        if (!Objects.equals(a, b)) out.add(new Difference(section, item, a, b, macro));
    }

    private static String level(PinMap.Pin p) {
        return p.direction() == PinMap.Direction.IN ? "input" : p.activeLow() ? "LOW = asserted" : "HIGH = asserted";
    }

    private static String partition(FlashLayout.Partition p) {
        return String.format(Locale.ROOT, "%s/%s at 0x%X, %d KiB%s", p.type(), p.subtype(), p.offset(), p.size() >> 10,
                p.flags() == 0 ? "" : ", flags " + p.flags());
    }

    private static String variant(Variant v) {
        return "MAX3232 from " + v.max3232Supply() + (v.switchable() ? ", switchable" : ", always on")
                + (v.recommended() ? ", recommended" : "");
    }

    private static String key(NvsKey k) {
        return k.type().nvsEncoding() + (k.maxLength() == null ? "" : ", max " + k.maxLength()) + (k.secret() ? ", secret" : "");
    }

    private static String text(String s) {
        return s == null ? NONE : s;
    }

    private static String gpio(Integer n) {
        return n == null ? NONE : "GPIO" + n;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String hex(long v) {
        return String.format(Locale.ROOT, "0x%X", v);
    }
}
