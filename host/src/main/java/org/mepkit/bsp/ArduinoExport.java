package org.mepkit.bsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mepkit.spec.Board;
import org.mepkit.spec.FirmwareBuild;
import org.mepkit.spec.FlashLayout;
import org.mepkit.spec.Variant;

/**
 * An arduino-esp32 board laid out like the core's own folder, so it can be copied into it:
 * {@code boards.local.txt} (the board stanza, merged with the core's boards.txt),
 * {@code variants/<id>/pins_arduino.h} and {@code tools/partitions/<id>.csv} (the scheme
 * {@code build.partitions} names).
 */
final class ArduinoExport {

    /** The Tools menu that sets the variant macro. */
    static final String VARIANT_MENU = "MepVariant";

    private ArduinoExport() {
    }

    static List<BspFile> files(BspRequest r) {
        String id = r.id();
        return List.of(
                new BspFile("boards.local.txt", boardsTxt(r)),
                new BspFile("variants/" + id + "/pins_arduino.h", ArduinoVariantHeader.write(r)),
                new BspFile("tools/partitions/" + id + ".csv", PartitionsCsv.write(r.board().flashLayout(), r.provenance())));
    }

    static String boardsTxt(BspRequest r) {
        Board b = r.board();
        FirmwareBuild build = b.build();
        FlashLayout.Partition app = r.bootApp();
        String id = r.id();
        List<String> lines = new ArrayList<>();
        lines.add(r.provenance().lineComment("#").strip());
        lines.add("# Append to (or place beside) the arduino-esp32 core's boards.txt; copy variants/ and tools/ into the core too.");
        if (!b.variants().isEmpty()) lines.add("menu." + VARIANT_MENU + "=MAX3232 supply (assembly variant)");
        lines.add("");
        lines.add(id + ".name=" + b.title() + " (mepkit BSP)");
        put(lines, id, "upload.tool", "esptool_py");
        put(lines, id, "upload.tool.default", "esptool_py");
        put(lines, id, "upload.maximum_size", String.valueOf(app.size()));
        put(lines, id, "upload.maximum_data_size", String.valueOf(build.ramBytes()));
        put(lines, id, "upload.flags", "");
        put(lines, id, "upload.extra_flags", "");
        put(lines, id, "upload.speed", String.valueOf(build.uploadBaud()));
        if (!r.autoReset()) {
            lines.add("# " + b.name() + " has no auto-reset: fit the program jumper (J7 1-2) and power-cycle the board before"
                    + " uploading.");
        }
        put(lines, id, "serial.disableDTR", "true");
        put(lines, id, "serial.disableRTS", "true");
        put(lines, id, "build.tarch", build.arch());
        put(lines, id, "build.target", b.chip());
        put(lines, id, "build.mcu", b.chip());
        put(lines, id, "build.core", "esp32");
        put(lines, id, "build.variant", id);
        put(lines, id, "build.board", CName.macro(b.name()));
        put(lines, id, "build.bootloader_addr", String.format(Locale.ROOT, "0x%X", b.bootloaderOffset()));
        put(lines, id, "build.f_cpu", build.cpuMHz() + "000000L");
        put(lines, id, "build.flash_size", r.flashSizeName());
        put(lines, id, "build.flash_freq", build.flashFreqMHz() + "m");
        put(lines, id, "build.img_freq", build.flashFreqMHz() + "m");
        put(lines, id, "build.flash_mode", build.flashMode());
        put(lines, id, "build.boot", build.flashMode());
        put(lines, id, "build.partitions", id);
        put(lines, id, "build.defines", r.variant().map(v -> "-D" + BoardHeader.variantMacro(v)).orElse(""));
        lines.add("");
        String scheme = "menu.PartitionScheme." + id;
        put(lines, id, scheme, String.format(Locale.ROOT, "%s %dMB (%s)", b.name(), b.flashLayout().flashSize() >> 20,
                String.join(", ", b.flashLayout().partitions().stream().map(p -> p.name() + " " + (p.size() >> 10) + "K").toList())));
        put(lines, id, scheme + ".build.partitions", id);
        put(lines, id, scheme + ".upload.maximum_size", String.valueOf(app.size()));
        if (!b.variants().isEmpty()) {
            lines.add("");
            List<Variant> ordered = new ArrayList<>();
            r.variant().ifPresent(ordered::add);   // the Arduino IDE preselects a menu's first option
            b.variants().stream().filter(v -> !ordered.contains(v)).forEach(ordered::add);
            for (Variant v : ordered) {
                String option = "menu." + VARIANT_MENU + "." + CName.id(v.name());
                put(lines, id, option, v.name() + ": MAX3232 powered from " + v.max3232Supply()
                        + (v.switchable() ? " (the firmware can power-cycle it)" : " (always on)"));
                put(lines, id, option + ".build.defines", "-D" + BoardHeader.variantMacro(v));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static void put(List<String> lines, String id, String key, String value) {
        lines.add(id + "." + key + "=" + value);
    }
}
