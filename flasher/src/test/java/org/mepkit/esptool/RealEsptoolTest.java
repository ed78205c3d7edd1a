package org.mepkit.esptool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.chip.ChipTarget;
import org.mepkit.esp.image.ImageBuilder;

/**
 * Checks our images and our version detection against a real esptool, where one is installed
 * ($ESPTOOL, PATH, python3 -m esptool, Arduino core, PlatformIO). Skipped, with the reason, otherwise.
 * No port is used: only {@code version} and {@code image_info}.
 */
class RealEsptoolTest {

    static Esptool esptool;
    static String missing;

    @BeforeAll
    static void find() throws Exception {
        try {
            esptool = EsptoolLocator.system().locate(null);
        } catch (EsptoolException e) {
            missing = "no real esptool on this machine: " + e.getMessage();
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void needsEsptool() {
        Assumptions.assumeTrue(esptool != null, () -> missing);
    }

    @Test
    void itsVersionIsDetected() {
        assertTrue(esptool.version().major() >= 3, esptool.describe());
    }

    /** The rows of an image-info "Segments Information" table, as printed. */
    static List<String> segmentRows(String imageInfo) {
        List<String> rows = new ArrayList<>();
        boolean in = false;
        for (String line : imageInfo.split("\n")) {
            if (line.startsWith("-------  -------")) {
                in = true;
            } else if (in && !line.matches("\\s*\\d+\\s+0x.*")) {
                break;
            } else if (in) {
                rows.add(line.strip());
            }
        }
        return rows;
    }

    private String esptoolImageInfo(Path file) throws Exception {
        List<String> argv = new ArrayList<>(esptool.command());
        argv.add(esptool.name("image_info"));
        if (!esptool.version().kebabCase()) {
            argv.add("--version");
            argv.add("2");
        }
        argv.add(file.toString());
        EsptoolRun run = new EsptoolRunner(ProcessLauncher.SYSTEM, Duration.ofSeconds(60)).run(argv, e -> { });
        return String.join("\n", run.transcript());
    }

    private static String mepImageInfo(Path file) {
        org.mepkit.flasher.cli.ImageInfoCommand command = new org.mepkit.flasher.cli.ImageInfoCommand();
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(command);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.execute(file.toString());
        return out.toString();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"esp32", "esp32c3"})
    void mepNamesEverySegmentAsEsptoolDoes(String chipName, @TempDir Path dir) throws Exception {
        ChipTarget chip = ChipRegistry.byEsptoolName(chipName).orElseThrow();
        for (var built : List.of(ImageBuilder.app().chip(chip), ImageBuilder.bootloader().chip(chip))) {
            Path file = dir.resolve(chipName + ".bin");
            Files.write(file, built.build());
            String esptoolSays = esptoolImageInfo(file);
            List<String> expected = segmentRows(esptoolSays);
            assertTrue(expected.size() >= 3, esptoolSays);
            assertEquals(expected, segmentRows(mepImageInfo(file)), esptoolSays);
            assertTrue(esptoolSays.contains("Checksum: ") && esptoolSays.contains("(valid)"), esptoolSays);
        }
    }

    /** With MEP_UPSTREAM_BUILD set to the upstream firmware's build/ folder: its four images, segment by segment. */
    @Test
    void theUpstreamBuildsAreNamedAsEsptoolNamesThem() throws Exception {
        String upstream = System.getenv("MEP_UPSTREAM_BUILD");
        Assumptions.assumeTrue(upstream != null && Files.isDirectory(Path.of(upstream)),
                "MEP_UPSTREAM_BUILD (DabblerDK/MEP-SW-ESP32's NES-MEP-UI/build folder) not set");
        for (String sub : List.of("esp32.esp32.esp32", "esp32.esp32.esp32c3")) {
            for (String name : List.of("NES-MEP-UI.ino.bin", "NES-MEP-UI.ino.bootloader.bin")) {
                Path file = Path.of(upstream, sub, name);
                String esptoolSays = esptoolImageInfo(file);
                String mepSays = mepImageInfo(file);
                assertEquals(segmentRows(esptoolSays), segmentRows(mepSays), file.toString());
                if (name.endsWith(".ino.bin")) {
                    assertTrue(mepSays.contains("Project name: arduino-lib-builder"), mepSays);
                    assertTrue(esptoolSays.contains("Project name: arduino-lib-builder"), esptoolSays);
                }
            }
        }
    }

    @Test
    void itAcceptsOurAppImageAndReadsOurDescriptor(@TempDir Path dir) throws Exception {
        Path app = dir.resolve("app.bin");
        Files.write(app, ImageBuilder.app().projectName("mepkit-check").version("9.8.7").build());
        String out = esptoolImageInfo(app);
        assertTrue(out.contains("Project name: mepkit-check"), out);
        assertTrue(out.contains("App version: 9.8.7"), out);
        assertTrue(out.toLowerCase().contains("(valid)"), out);
        assertEquals(-1, out.toLowerCase().indexOf("invalid"), out);
    }
}
