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

    @Test
    void itAcceptsOurAppImageAndReadsOurDescriptor(@TempDir Path dir) throws Exception {
        Path app = dir.resolve("app.bin");
        Files.write(app, ImageBuilder.app().projectName("mepkit-check").version("9.8.7").build());
        List<String> argv = new ArrayList<>(esptool.command());
        argv.add(esptool.name("image_info"));
        if (!esptool.version().kebabCase()) {
            argv.add("--version");
            argv.add("2");
        }
        argv.add(app.toString());
        EsptoolRun run = new EsptoolRunner(ProcessLauncher.SYSTEM, Duration.ofSeconds(60)).run(argv, e -> { });
        String out = String.join("\n", run.transcript());
        assertTrue(out.contains("Project name: mepkit-check"), out);
        assertTrue(out.contains("App version: 9.8.7"), out);
        assertTrue(out.toLowerCase().contains("(valid)"), out);
        assertEquals(-1, out.toLowerCase().indexOf("invalid"), out);
    }
}
