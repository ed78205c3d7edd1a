package org.mepkit.bsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mepkit.spec.Board;
import org.mepkit.spec.FirmwareBuild;
import org.mepkit.spec.Variant;

/**
 * An ESP-IDF component {@code mep_bsp}: {@code include/mep_bsp.h}, {@code Kconfig} (a board
 * choice and a variant choice), {@code CMakeLists.txt}, {@code idf_component.yml},
 * {@code partitions.csv} and {@code sdkconfig.defaults}. The board choice offers every board
 * that shares the exported board's chip and flash layout (so one partitions.csv and one
 * sdkconfig.defaults hold for all of them); the exported board and variant are the defaults.
 */
final class IdfExport {

    /** Where the project keeps the component: the folder name is the component name. */
    static final String COMPONENT_DIR = "components/mep_bsp";

    private IdfExport() {
    }

    /** @param boards the exported board first, then the other boards of its chip and flash layout */
    static List<BspFile> files(BspRequest r, List<BspRequest> boards) {
        return List.of(
                new BspFile("CMakeLists.txt", r.provenance().lineComment("#")
                        + "# A header-only component: include \"mep_bsp.h\" and REQUIRES mep_bsp.\n"
                        + "idf_component_register(INCLUDE_DIRS \"include\")\n"),
                new BspFile("idf_component.yml", manifest(r)),
                new BspFile("Kconfig", kconfig(r, boards)),
                new BspFile("include/mep_bsp.h", header(r, boards)),
                new BspFile("partitions.csv", PartitionsCsv.write(r.board().flashLayout(), r.provenance())),
                new BspFile("sdkconfig.defaults", sdkconfigDefaults(r)));
    }

    static String boardSymbol(Board b) {
        return "MEP_BSP_BOARD_" + CName.macro(b.name());
    }

    private static String manifest(BspRequest r) {
        String version = r.spec().version().matches("\\d+\\.\\d+\\.\\d+.*") ? r.spec().version() : "0.0.0";
        return r.provenance().lineComment("#")
                + "version: \"" + version + "\"\n"
                + "description: \"ESP32-MEP board support (pins, flash layout, assembly variants) from mepkit firmware-spec\"\n"
                + "url: \"" + r.board().url() + "\"\n"
                + "targets:\n  - " + r.board().chip() + "\n"
                + "dependencies:\n  idf: \">=5.0\"\n";
    }

    static String kconfig(BspRequest r, List<BspRequest> boards) {
        StringBuilder s = new StringBuilder(r.provenance().lineComment("#"));
        String target = "IDF_TARGET_" + CName.macro(r.board().chip());
        s.append("menu \"ESP32-MEP board (mepkit BSP)\"\n\n");
        s.append("choice MEP_BSP_BOARD\n    prompt \"Board\"\n    default ").append(boardSymbol(r.board())).append('\n');
        s.append("    help\n        The ESP32-MEP board the firmware runs on: its pins, serial lines and flash layout.\n\n");
        for (BspRequest b : boards) {
            s.append("config ").append(boardSymbol(b.board())).append('\n');
            s.append("    bool \"").append(kconfigText(b.board().name() + ": " + b.board().title())).append("\"\n");
            s.append("    depends on ").append(target).append("\n\n");
        }
        s.append("endchoice\n");
        Map<String, List<Board>> variantBoards = new LinkedHashMap<>();
        Map<String, Variant> firstOfName = new LinkedHashMap<>();
        for (BspRequest b : boards) {
            for (Variant v : b.board().variants()) {
                variantBoards.computeIfAbsent(BoardHeader.variantMacro(v), k -> new ArrayList<>()).add(b.board());
                firstOfName.putIfAbsent(BoardHeader.variantMacro(v), v);
            }
        }
        if (!variantBoards.isEmpty()) {
            List<String> withVariants = boards.stream().filter(b -> !b.board().variants().isEmpty())
                    .map(b -> boardSymbol(b.board())).toList();
            s.append("\nchoice MEP_BSP_VARIANT\n    prompt \"Assembly variant (who powers the MAX3232)\"\n");
            for (BspRequest b : boards) {
                b.variant().ifPresent(v -> s.append("    default ").append(BoardHeader.variantMacro(v)).append(" if ")
                        .append(boardSymbol(b.board())).append('\n'));
            }
            s.append("    depends on ").append(String.join(" || ", withVariants)).append('\n');
            s.append("    help\n        Which assembly option is fitted. It decides MEP_MAX3232_POWER_SWITCHED in mep_bsp.h.\n\n");
            for (Map.Entry<String, List<Board>> e : variantBoards.entrySet()) {
                Variant v = firstOfName.get(e.getKey());
                s.append("config ").append(e.getKey()).append('\n');
                s.append("    bool \"").append(kconfigText(v.name() + ": MAX3232 powered from " + v.max3232Supply()
                        + (v.switchable() ? ", the firmware can power-cycle it" : ", always on"))).append("\"\n");
                s.append("    depends on ").append(String.join(" || ", e.getValue().stream().map(IdfExport::boardSymbol).toList()))
                        .append("\n\n");
            }
            s.append("endchoice\n");
        }
        s.append("\nendmenu\n");
        return s.toString();
    }

    static String header(BspRequest r, List<BspRequest> boards) {
        StringBuilder s = new StringBuilder(r.provenance().blockComment());
        s.append("#pragma once\n\n#include \"sdkconfig.h\"\n\n");
        s.append("#if defined(ESP_PLATFORM) && !defined(CONFIG_IDF_TARGET_").append(CName.macro(r.board().chip())).append(")\n");
        s.append("#error \"mep_bsp: these boards carry an ").append(r.board().chip()).append(": idf.py set-target ")
                .append(r.board().chip()).append("\"\n#endif\n\n");
        String keyword = "#if";
        for (BspRequest b : boards) {
            s.append(keyword).append(" defined(CONFIG_").append(boardSymbol(b.board())).append(")\n\n");
            keyword = "#elif";
            for (Variant v : b.board().variants()) {
                String m = BoardHeader.variantMacro(v);
                s.append("#if defined(CONFIG_").append(m).append(") && !defined(").append(m).append(")\n");
                BoardHeader.define(s, m, "1", "chosen in menuconfig");
                s.append("#endif\n");
            }
            s.append(BoardHeader.facts(b.board(), b.spec()));
            s.append(BoardHeader.variants(b.board(), b.variant()));
            s.append('\n');
        }
        s.append("#else\n#error \"mep_bsp: no board chosen (idf.py menuconfig: ESP32-MEP board (mepkit BSP))\"\n#endif\n");
        return s.toString();
    }

    static String sdkconfigDefaults(BspRequest r) {
        Board b = r.board();
        FirmwareBuild build = b.build();
        List<String> lines = new ArrayList<>();
        lines.add(r.provenance().lineComment("#").strip());
        lines.add("# List after the project's own defaults: set(SDKCONFIG_DEFAULTS \"sdkconfig.defaults;"
                + COMPONENT_DIR + "/sdkconfig.defaults\") before project.cmake.");
        lines.add("CONFIG_" + boardSymbol(b) + "=y");
        r.variant().ifPresent(v -> lines.add("CONFIG_" + BoardHeader.variantMacro(v) + "=y"));
        lines.add("CONFIG_ESPTOOLPY_FLASHSIZE_" + r.flashSizeName() + "=y");
        lines.add("CONFIG_ESPTOOLPY_FLASHMODE_" + build.flashMode().toUpperCase(Locale.ROOT) + "=y");
        lines.add("CONFIG_ESPTOOLPY_FLASHFREQ_" + build.flashFreqMHz() + "M=y");
        lines.add(r.autoReset() ? "CONFIG_ESPTOOLPY_BEFORE_RESET=y"
                : "# no auto-reset: fit the program jumper (J7 1-2) and power-cycle before idf.py flash\nCONFIG_ESPTOOLPY_BEFORE_NORESET=y");
        lines.add("CONFIG_PARTITION_TABLE_CUSTOM=y");
        lines.add("CONFIG_PARTITION_TABLE_CUSTOM_FILENAME=\"" + COMPONENT_DIR + "/partitions.csv\"");
        lines.add(String.format(Locale.ROOT, "CONFIG_PARTITION_TABLE_OFFSET=0x%X", b.flashLayout().partitionTableOffset()));
        lines.add("CONFIG_PARTITION_TABLE_MD5=y");
        lines.add("CONFIG_ESP_DEFAULT_CPU_FREQ_MHZ_" + build.cpuMHz() + "=y");
        lines.add("CONFIG_ESP_CONSOLE_UART_DEFAULT=y");
        lines.add("CONFIG_ESP_CONSOLE_UART_BAUDRATE=" + b.console().baud());
        return String.join("\n", lines) + "\n";
    }

    private static String kconfigText(String text) {
        return text.replace("\\", "/").replace("\"", "'");
    }
}
