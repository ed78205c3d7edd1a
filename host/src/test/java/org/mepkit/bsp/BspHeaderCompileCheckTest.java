package org.mepkit.bsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepkit.cli.ExitCodes;
import org.mepkit.hw.Gates;
import org.mepkit.hw.HardwareFixture;
import org.mepkit.hw.Netlist;
import org.mepkit.spec.Board;
import org.mepkit.spec.BoardRegistry;
import org.mepkit.spec.Variant;

/**
 * The CI check of issue 16: the headers {@code mep bsp export} writes compile with the host's
 * C/C++ compiler in a tiny program whose static assertions hold every pin to what the board's
 * KiCad netlist wires ({@link KicadPins}: derived from the schematic, not from firmware-spec,
 * so a pin map that drifts from the PCB breaks the build). Each assembly variant is compiled on
 * its own: the variant decides whether the MAX3232 power macro exists. There is no ESP-IDF or
 * Arduino core here: the ESP-IDF header is compiled against an sdkconfig.h as ESP-IDF's Kconfig
 * step writes it (by kconfiglib from the exported Kconfig where installed, else by hand).
 */
class BspHeaderCompileCheckTest {

    private static final BoardRegistry REGISTRY = BoardRegistry.load();
    private static final Map<String, KicadPins> KICAD = new HashMap<>();

    @TempDir
    Path work;

    static Stream<String> boardsWithKicadDesign() {
        return REGISTRY.boards().stream().map(Board::name).filter(name -> Files.exists(schematic(name)));
    }

    static Stream<String> allBoards() {
        return REGISTRY.boards().stream().map(Board::name);
    }

    @ParameterizedTest
    @MethodSource("boardsWithKicadDesign")
    void theEspIdfComponentMatchesTheKicadNetlistInEveryVariant(String name) throws Exception {
        Board board = REGISTRY.require(name);
        KicadPins pins = kicadPins(name);
        Path component = export("--idf", name);
        for (Optional<Variant> variant : variantsOf(board)) {
            Path config = sdkconfig(name + variant.map(v -> "-" + v.name()).orElse(""),
                    List.of("CONFIG_" + IdfExport.boardSymbol(board)),
                    variant.map(v -> "CONFIG_" + BoardHeader.variantMacro(v)).stream().toList());
            Path check = source("idf-check.c", "#include \"mep_bsp.h\"\n" + assertions(pins, board, variant, false));
            HostCompiler.Result r = HostCompiler.c().compile(check, List.of("-I", component.resolve("include").toString(),
                    "-I", config.toString()));
            assertTrue(r.ok(), name + " " + variant.map(Variant::name).orElse("") + ":\n" + r.output());
        }
    }

    @ParameterizedTest
    @MethodSource("boardsWithKicadDesign")
    void theArduinoAndPlatformioVariantHeadersMatchTheKicadNetlistInEveryVariant(String name) throws Exception {
        Board board = REGISTRY.require(name);
        KicadPins pins = kicadPins(name);
        for (String target : List.of("--arduino", "--platformio")) {
            Path variantDir = export(target, name).resolve("variants").resolve(CName.id(name));
            for (Optional<Variant> variant : variantsOf(board)) {
                Path check = source("arduino-check.cpp", "#include \"pins_arduino.h\"\n" + assertions(pins, board, variant, true));
                List<String> flags = new ArrayList<>(List.of("-I", variantDir.toString()));
                variant.ifPresent(v -> flags.add("-D" + BoardHeader.variantMacro(v)));
                HostCompiler.Result r = HostCompiler.cxx().compile(check, flags);
                assertTrue(r.ok(), target + " " + name + " " + variant.map(Variant::name).orElse("") + ":\n" + r.output());
            }
        }
    }

    @Test
    void theCheckFailsWhenTheHeaderAndTheSchematicDisagree() throws Exception {
        String name = boardsWithKicadDesign().findFirst().orElseThrow();
        KicadPins real = kicadPins(name);
        Map<String, Integer> moved = new HashMap<>(real.gpio());
        moved.put("MEP_RX", real.gpio().get("MEP_RX") + 1);
        KicadPins drifted = new KicadPins(moved, real.activeLevel());
        Path variantDir = export("--arduino", name).resolve("variants").resolve(CName.id(name));
        Path check = source("drift.cpp", "#include \"pins_arduino.h\"\n"
                + assertions(drifted, REGISTRY.require(name), Optional.empty(), true));

        HostCompiler.Result r = HostCompiler.cxx().compile(check, List.of("-I", variantDir.toString()));

        assertFalse(r.ok(), "a pin that differs from the schematic must not compile");
        assertTrue(r.output().contains("MEP_RX"), r.output());
    }

    @ParameterizedTest
    @MethodSource("allBoards")
    void everyBoardsHeadersCompileAlsoWithoutAKicadDesign(String name) throws Exception {
        Board board = REGISTRY.require(name);
        Path component = export("--idf", name);
        Path variantDir = export("--arduino", name).resolve("variants").resolve(CName.id(name));
        Path config = sdkconfig(name, List.of("CONFIG_" + IdfExport.boardSymbol(board)), List.of());
        String selfCheck = "_Static_assert(MEP_MAX3232_POWER_SWITCHED == " + (board.canPowerCycleMax3232() ? 1 : 0)
                + ", \"the recommended variant decides the MAX3232 power macro\");\n";
        HostCompiler.Result idf = HostCompiler.c().compile(source("idf.c", "#include \"mep_bsp.h\"\n" + selfCheck),
                List.of("-I", component.resolve("include").toString(), "-I", config.toString()));
        HostCompiler.Result arduino = HostCompiler.cxx().compile(source("arduino.cpp", "#include \"pins_arduino.h\"\n"
                + selfCheck.replace("_Static_assert", "static_assert")), List.of("-I", variantDir.toString()));
        assertTrue(idf.ok(), idf.output());
        assertTrue(arduino.ok(), arduino.output());
    }

    @Test
    void theCommandsExampleComponentCompilesForEveryBoardItsKconfigOffers() throws Exception {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Assumptions.assumeTrue(run(work, python, "-c", "import kconfiglib") == 0, "python3-kconfiglib is not installed");
        Path component = export("--idf", "esp32-mep-v2.00");
        Path root = Files.writeString(work.resolve("Kconfig.root"), "mainmenu \"mep_bsp check\"\n"
                + "config IDF_TARGET_ESP32\n    bool\n    default y\n"
                + "source \"" + component.resolve("Kconfig") + "\"\n");
        Path script = Files.writeString(work.resolve("autoconf.py"), String.join("\n",
                "import sys, kconfiglib",
                "k = kconfiglib.Kconfig(sys.argv[1], warn_to_stderr=False)",
                "k.load_config(sys.argv[2])",
                "k.write_autoconf(sys.argv[3])",
                "own = [w for w in k.warnings if 'MEP_BSP' in w]",
                "print('\\n'.join(own), file=sys.stderr)",
                "sys.exit(1 if own else 0)", ""));
        String defaults = Files.readString(component.resolve("sdkconfig.defaults"));
        List<String> offered = Files.readAllLines(component.resolve("Kconfig")).stream()
                .filter(l -> l.startsWith("config MEP_BSP_BOARD_")).map(l -> l.substring("config ".length())).toList();
        assertTrue(offered.contains("MEP_BSP_BOARD_ESP32_MEP_V2_00"), offered.toString());
        for (String boardSymbol : offered) {
            Path dir = Files.createDirectories(work.resolve("kconf-" + boardSymbol));
            Path config = Files.writeString(dir.resolve("sdkconfig"), defaults.replace("CONFIG_MEP_BSP_BOARD_ESP32_MEP_V2_00=y",
                    "CONFIG_" + boardSymbol + "=y").replaceAll("(?m)^CONFIG_MEP_BSP_VARIANT_.*$", ""));
            assertEquals(0, run(dir, python, script.toString(), root.toString(), config.toString(),
                    dir.resolve("sdkconfig.h").toString()), "kconfiglib on the exported Kconfig for " + boardSymbol);
            String autoconf = Files.readString(dir.resolve("sdkconfig.h"));
            assertTrue(autoconf.contains("#define CONFIG_" + boardSymbol + " 1"), autoconf);
            Board board = REGISTRY.boards().stream().filter(b -> boardSymbol.equals(IdfExport.boardSymbol(b))).findFirst().orElseThrow();
            Optional<Variant> recommended = BspRequest.chooseVariant(board, null);
            recommended.ifPresent(v -> assertTrue(autoconf.contains("#define CONFIG_" + BoardHeader.variantMacro(v) + " 1"),
                    "the Kconfig default variant of " + board.name() + ": " + autoconf));
            String check = "#include \"mep_bsp.h\"\n_Static_assert(sizeof(MEP_BSP_BOARD) == sizeof(\"" + board.name()
                    + "\"), \"the board Kconfig chose\");\n"
                    + (Files.exists(schematic(board.name())) ? assertions(kicadPins(board.name()), board, recommended, false) : "");
            HostCompiler.Result r = HostCompiler.c().compile(source("kconf.c", check),
                    List.of("-I", component.resolve("include").toString(), "-I", dir.toString()));
            assertTrue(r.ok(), boardSymbol + ":\n" + r.output());
        }
    }

    /** The static assertions: each pin as KiCad wires it, and what the variant makes of the MAX3232 supply. */
    static String assertions(KicadPins pins, Board board, Optional<Variant> variant, boolean cxx) {
        String sa = cxx ? "static_assert" : "_Static_assert";
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, Integer> e : pins.gpio().entrySet()) {
            if (e.getKey().equals("MAX3232_POWER")) continue;
            s.append(sa).append('(').append(BoardHeader.pinMacro(e.getKey())).append(" == ").append(e.getValue())
                    .append(", \"").append(e.getKey()).append(": the KiCad netlist wires GPIO").append(e.getValue()).append("\");\n");
        }
        s.append(sa).append("(MEP_METER_ENABLE_ACTIVE_LEVEL == ").append(pins.activeLevel().get("METER_ENABLE"))
                .append(", \"METER_ENABLE: the MAX3232 driver inverts\");\n");
        boolean switched = variant.map(Variant::switchable).orElse(false) && pins.gpio().containsKey("MAX3232_POWER");
        s.append(sa).append("(MEP_MAX3232_POWER_SWITCHED == ").append(switched ? 1 : 0)
                .append(", \"variant ").append(variant.map(Variant::name).orElse("(none)")).append(" decides the MAX3232 supply\");\n");
        if (switched) {
            s.append(sa).append("(MEP_PIN_MAX3232_POWER == ").append(pins.gpio().get("MAX3232_POWER"))
                    .append(", \"MAX3232_POWER: the GPIO one part away from the MAX3232 VCC\");\n");
            s.append(sa).append("(MEP_MAX3232_POWER_ACTIVE_LEVEL == 1, \"MAX3232_POWER: the GPIO is the supply\");\n");
        } else {
            s.append("#ifdef MEP_PIN_MAX3232_POWER\n#error \"").append(board.name())
                    .append(": no MAX3232 power pin in a variant that does not switch the supply\"\n#endif\n");
        }
        if (cxx) {
            s.append("static_assert(TX == MEP_PIN_CONSOLE_TX && RX == MEP_PIN_CONSOLE_RX, \"the core's Serial pins\");\n");
        }
        return s.toString();
    }

    private static List<Optional<Variant>> variantsOf(Board board) {
        if (board.variants().isEmpty()) return List.of(Optional.empty());
        return board.variants().stream().map(Optional::of).toList();
    }

    private Path export(String target, String board) throws IOException {
        Path out = work.resolve(board + target);
        BspCli cli = new BspCli();
        assertEquals(ExitCodes.OK, cli.run("bsp", "export", target, "--board", board, "-o", out.toString()), cli.err.toString());
        return out;
    }

    private Path sdkconfig(String name, List<String> boards, List<String> variants) throws IOException {
        Path dir = Files.createDirectories(work.resolve("sdkconfig-" + name));
        StringBuilder s = new StringBuilder("/* as ESP-IDF's Kconfig step writes bool options */\n");
        for (String symbol : boards) s.append("#define ").append(symbol).append(" 1\n");
        for (String symbol : variants) s.append("#define ").append(symbol).append(" 1\n");
        Files.writeString(dir.resolve("sdkconfig.h"), s.toString());
        return dir;
    }

    private Path source(String file, String text) throws IOException {
        return Files.writeString(Files.createTempDirectory(work, "src").resolve(file), text);
    }

    private static Path schematic(String board) {
        return HardwareFixture.hardware().resolve(board).resolve(board + ".kicad_sch");
    }

    private KicadPins kicadPins(String board) throws IOException {
        synchronized (KICAD) {
            KicadPins known = KICAD.get(board);
            if (known != null) return known;
        }
        org.mepkit.hw.Board design = new org.mepkit.hw.Board(board, HardwareFixture.hardware().resolve(board));
        Netlist netlist = new Gates(HardwareFixture.kicad()).netlist(design, Files.createTempDirectory(work, "kicad"));
        KicadPins pins = KicadPins.derive(netlist);
        synchronized (KICAD) {
            KICAD.put(board, pins);
        }
        return pins;
    }

    private static int run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        int rc = p.waitFor();
        if (rc != 0) System.err.println(String.join(" ", cmd) + ":\n" + output);
        return rc;
    }
}
