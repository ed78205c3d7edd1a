package org.mepkit.bsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.ExitCodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class BspCommandsTest {

    @TempDir
    Path work;

    private final BspCli cli = new BspCli();

    @Test
    void exportWritesTheFilesAndListsThem() throws Exception {
        Path out = work.resolve("components/mep_bsp");

        assertEquals(ExitCodes.OK, cli.run("bsp", "export", "--idf", "--board", "esp32-mep-v2.00", "-o", out.toString()));

        assertTrue(Files.readString(out.resolve("include/mep_bsp.h")).contains("#define MEP_PIN_MEP_RX"));
        String text = cli.out.toString();
        assertTrue(text.startsWith("mep bsp export: ESP-IDF component for esp32-mep-v2.00 from firmware-spec "), text);
        assertTrue(text.contains(": 6 files in " + out), text);
        assertTrue(text.contains("  sdkconfig.defaults\n"), text);
        assertEquals("", cli.err.toString());
    }

    @Test
    void withoutBoardTheFamilyDefaultIsExportedUnderItsOwnName() throws Exception {
        assertEquals(ExitCodes.OK, cli.run("bsp", "export", "--platformio", "-o", work.toString(), "--json"));

        JsonNode json = new ObjectMapper().readTree(cli.out.toString());
        assertEquals("esp32-mep-v2.00", json.get("board").asText());
        assertTrue(Files.exists(work.resolve("boards/esp32-mep-v2.00.json")));
    }

    @Test
    void jsonNamesTheTargetBoardAndFiles() throws Exception {
        assertEquals(ExitCodes.OK, cli.run("bsp", "export", "--platformio", "--board", "esp32-mep-v1.10", "--variant", "R3",
                "--out", work.toString(), "--json"));

        JsonNode json = new ObjectMapper().readTree(cli.out.toString());
        assertEquals("platformio", json.get("target").asText());
        assertEquals("esp32-mep-v1.10", json.get("board").asText());
        assertEquals("boards/esp32-mep-v1.10.json", json.get("files").get(0).asText());
        assertTrue(Files.readString(work.resolve("boards/esp32-mep-v1.10.json")).contains("-DMEP_BSP_VARIANT_R3"));
    }

    @Test
    void exactlyOneToolchainIsRequired() {
        assertEquals(ExitCodes.USAGE, cli.run("bsp", "export", "--board", "esp32-mep-v2.00", "-o", work.toString()));
        assertEquals(ExitCodes.USAGE, cli.run("bsp", "export", "--idf", "--arduino", "--board", "esp32-mep-v2.00",
                "-o", work.toString()));
    }

    @Test
    void anUnknownBoardIsAUsageErrorOnOneLine() {
        assertEquals(ExitCodes.USAGE, cli.run("bsp", "export", "--idf", "--board", "esp32-mep-v9", "-o", work.toString()));
        assertTrue(cli.err.toString().startsWith("mep: unknown board 'esp32-mep-v9' (known: "), cli.err.toString());
        assertEquals(1, cli.err.toString().strip().lines().count(), cli.err.toString());
    }

    @Test
    void exportRefusesAFileAsTheOutputFolder() throws Exception {
        Path file = Files.writeString(work.resolve("taken"), "x");
        assertEquals(ExitCodes.BAD_INPUT, cli.run("bsp", "export", "--arduino", "--board", "esp32-mep-v2.00", "-o", file.toString()));
        assertTrue(cli.err.toString().contains("exists and is not a folder"), cli.err.toString());
    }

    @Test
    void diffPrintsEachDifferenceUnderItsSectionWithTheMacroItChanges() {
        assertEquals(ExitCodes.OK, cli.run("bsp", "diff", "esp32-mep-v2.00", "ustepper-esp32c3-v1.00"));
        String text = cli.out.toString();
        assertTrue(text.startsWith("mep bsp diff: esp32-mep-v2.00 -> ustepper-esp32c3-v1.00: "), text);
        assertTrue(text.contains("\npins:\n"), text);
        assertTrue(text.matches("(?s).*\n  MEP_RX +GPIO16 -> GPIO6   \\[MEP_PIN_MEP_RX\\]\n.*"), text);
    }

    @Test
    void diffJsonSaysWhetherTheBoardsAreIdentical() throws Exception {
        assertEquals(ExitCodes.OK, cli.run("bsp", "diff", "esp32-mep-v1.10", "esp32-mep-v2.00", "--json"));
        JsonNode json = new ObjectMapper().readTree(cli.out.toString());
        assertEquals(false, json.get("identical").asBoolean());
        assertEquals("form", json.get("differences").get(0).get("item").asText());
    }
}
