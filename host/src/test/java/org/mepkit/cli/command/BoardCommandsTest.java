package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepCommand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code mep board list} and {@code mep board show NAME}; {@code mep boards} is their hidden old name. */
class BoardCommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int mep(String... args) {
        CommandLine cli = MepCommand.commandLine(List.of(new BoardContributions.ListBoards(), new BoardContributions.ShowBoard(),
                new BoardContributions.OldBoards()));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void listsEveryBoardWithChipFormPinsFlashAndVariants() {
        assertEquals(ExitCodes.OK, mep("board", "list"));
        String text = out.toString();
        assertTrue(text.contains("esp32-mep-v1.10  esp32 (ESP32-WROOM-32), through-hole"), text);
        assertTrue(text.contains("esp32-mep-v2.00  esp32 (ESP32-WROOM-32), surface-mount"), text);
        assertTrue(text.contains("ustepper-esp32c3-v1.00  esp32c3 (ESP32-C3-MINI-1)"), text);
        assertTrue(text.contains("MEP_RX GPIO16, MEP_TX GPIO17, METER_ENABLE GPIO5 (active low), MAX3232_POWER GPIO32"), text);
        assertTrue(text.contains("console:  UART0 115200 8N1 on J5;  meter: UART2 9600 8N1 on J6"), text);
        assertTrue(text.contains("flash:    4 MB arduino-default-4mb, bootloader at 0x1000, partition table at 0x8000, app at 0x10000"), text);
        assertTrue(text.contains("variant R4 (recommended): R4 fitted, R3 empty"), text);
        assertEquals("", err.toString());
    }

    @Test
    void listJsonIsOneObjectWithEveryBoard() throws Exception {
        assertEquals(ExitCodes.OK, mep("board", "list", "--json"));
        assertEquals(1, out.toString().strip().lines().count());
        JsonNode boards = new ObjectMapper().readTree(out.toString()).get("boards");
        assertEquals(4, boards.size());
        JsonNode v200 = boards.get(1);
        assertEquals("esp32-mep-v2.00", v200.get("name").asText());
        assertEquals("SMD", v200.get("form").asText());
        assertEquals(16, v200.get("pins").get(0).get("gpio").asInt());
        assertEquals(0x10000, v200.get("flash").get("partitions").get(2).get("offset").asLong());
        assertEquals(115200, v200.get("console").get("baud").asInt());
        assertEquals("R4", v200.get("variants").get(0).get("name").asText());
        assertTrue(v200.get("nvs").get("keys").get(4).get("secret").asBoolean(), "mep_key is secret");
        assertFalse(v200.get("auto_reset").asBoolean());
        assertTrue(boards.get(2).get("auto_reset").asBoolean(), "v2.10 resets from DTR/RTS");
    }

    @Test
    void showPrintsOneBoard() {
        assertEquals(ExitCodes.OK, mep("board", "show", "esp32-mep-v1.10"));
        assertTrue(out.toString().startsWith("esp32-mep-v1.10 "));
        assertFalse(out.toString().contains("esp32-mep-v2.00"));
    }

    @Test
    void theFamilyNameShowsTheDefaultBoardAndTheListNamesTheAliases() throws Exception {
        assertEquals(ExitCodes.OK, mep("board", "show", "esp32-mep"));
        assertTrue(out.toString().startsWith("esp32-mep-v2.00 "), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, mep("board", "list"));
        assertTrue(out.toString().contains("aliases: esp32-mep = esp32-mep-v2.00 (family default), esp32-mep-c3 = ustepper-esp32c3-v1.00"),
                out.toString());
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, mep("board", "list", "--json"));
        JsonNode alias = new ObjectMapper().readTree(out.toString()).get("aliases").get(0);
        assertEquals("esp32-mep", alias.get("alias").asText());
        assertEquals("esp32-mep-v2.00", alias.get("board").asText());
    }

    @Test
    void showJsonIsTheBoardsObject() throws Exception {
        assertEquals(ExitCodes.OK, mep("board", "show", "esp32-mep-v2.00", "--json"));
        assertEquals("esp32-mep-v2.00", new ObjectMapper().readTree(out.toString()).get("name").asText());
    }

    @Test
    void theOldBoardsCommandStillWorksHiddenWithANote() {
        assertEquals(ExitCodes.OK, mep("boards", "esp32-mep-v1.10"));
        assertTrue(out.toString().startsWith("esp32-mep-v1.10 "));
        assertTrue(err.toString().startsWith("mep: note: mep boards is now mep board show NAME"), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, mep("--help"));
        assertFalse(out.toString().lines().anyMatch(l -> l.strip().startsWith("boards")), out.toString());
    }

    @Test
    void anUnknownBoardIsAOneLineUsageError() {
        assertEquals(ExitCodes.USAGE, mep("board", "show", "nodemcu"));
        assertEquals("mep: unknown board 'nodemcu' (known: esp32-mep, esp32-mep-c3, esp32-mep-v1.10, esp32-mep-v2.00, "
                + "esp32-mep-v2.10, ustepper-esp32c3-v1.00)\n",
                err.toString());
        assertEquals("", out.toString());
    }
}
