package org.mepkit.bsp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mepkit.bsp.BspExporter;
import org.mepkit.bsp.BspFile;
import org.mepkit.bsp.BspTarget;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.spec.BoardRegistry;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep bsp export}: the board support package for one toolchain, from firmware-spec alone. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a board's support package for a firmware toolchain, from firmware-spec alone:",
                "--arduino: boards.local.txt, variants/<id>/pins_arduino.h and tools/partitions/<id>.csv.",
                "--platformio: boards/<board>.json, variants/<id>/pins_arduino.h, partitions/<id>.csv and platformio-env.ini.",
                "--idf: an ESP-IDF component (put it at components/mep_bsp): include/mep_bsp.h, Kconfig, CMakeLists.txt, "
                        + "idf_component.yml, partitions.csv and sdkconfig.defaults.",
                "Every file says it is generated and from which firmware-spec. The assembly variant (e.g. R4: GPIO32 "
                        + "powers the MAX3232, R3: always on) decides MEP_MAX3232_POWER_SWITCHED; --variant picks the default."})
public final class BspExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Toolchain toolchain;

    @Option(names = "--board", paramLabel = "NAME", defaultValue = "esp32-mep",
            description = "A board of 'mep board list' (default: esp32-mep, the family default).")
    String board;

    @Option(names = "--variant", paramLabel = "NAME",
            description = "The default assembly variant of the files (default: the board's recommended one).")
    String variant;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "The folder to write (created if needed).")
    Path out;

    @Mixin
    OutputOptions output;

    /** Exactly one of the three toolchains. */
    static final class Toolchain {
        @Option(names = "--arduino", required = true, description = "An arduino-esp32 board (variant, boards.txt stanza, partitions).")
        boolean arduino;

        @Option(names = "--platformio", required = true, description = "A PlatformIO board manifest, variant and partitions.")
        boolean platformio;

        @Option(names = "--idf", required = true, description = "An ESP-IDF component.")
        boolean idf;

        BspTarget target() {
            return arduino ? BspTarget.ARDUINO : platformio ? BspTarget.PLATFORMIO : BspTarget.IDF;
        }
    }

    @Override
    public Integer call() throws IOException {
        BspTarget target = toolchain.target();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new MepException(ExitCodes.BAD_INPUT, out + " exists and is not a folder");
        }
        BoardRegistry registry = BoardRegistry.load();
        List<BspFile> files;
        try {
            files = new BspExporter(registry).files(target, board, variant);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, e.getMessage());
        }
        List<Path> written = BspExporter.write(out, files);
        PrintWriter w = spec.commandLine().getOut();
        String from = registry.version(registry.require(board)).describe();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("target", target.name().toLowerCase(java.util.Locale.ROOT));
            json.put("board", registry.require(board).name());
            json.put("out", out.toAbsolutePath().normalize().toString());
            json.put("firmware_spec", from);
            json.put("files", files.stream().map(BspFile::path).toList());
            OutputOptions.printJson(w, json);
            return ExitCodes.OK;
        }
        w.printf("mep bsp export: %s for %s from %s: %d files in %s%n", target.title(), registry.require(board).name(), from,
                written.size(), out.toAbsolutePath().normalize());
        for (BspFile f : files) w.println("  " + f.path());
        if (target == BspTarget.IDF && !out.toAbsolutePath().normalize().endsWith("components/mep_bsp")) {
            w.println("  (keep this folder at components/mep_bsp in the project: sdkconfig.defaults names"
                    + " components/mep_bsp/partitions.csv)");
        }
        w.flush();
        return ExitCodes.OK;
    }
}
