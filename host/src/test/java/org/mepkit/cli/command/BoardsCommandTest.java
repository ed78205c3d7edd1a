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

class BoardsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int mep(String... args) {
        CommandLine cli = MepCommand.commandLine(List.of(new BoardsContribution()));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void listsEveryBoardWithChipFormPinsFlashAndVariants() {
        assertEquals(ExitCodes.OK, mep("boards"));
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
    void jsonGivesOneObjectPerBoard() throws Exception {
        assertEquals(ExitCodes.OK, mep("boards", "--json"));
        String[] lines = out.toString().strip().split("\n");
        assertEquals(4, lines.length);
        JsonNode v200 = new ObjectMapper().readTree(lines[1]);
        assertEquals("esp32-mep-v2.00", v200.get("name").asText());
        assertEquals("SMD", v200.get("form").asText());
        assertEquals(16, v200.get("pins").get(0).get("gpio").asInt());
        assertEquals(0x10000, v200.get("flash").get("partitions").get(2).get("offset").asLong());
        assertEquals(115200, v200.get("console").get("baud").asInt());
        assertEquals("R4", v200.get("variants").get(0).get("name").asText());
        assertTrue(v200.get("nvs").get("keys").get(4).get("secret").asBoolean(), "mep_key is secret");
        assertFalse(v200.get("autoReset").asBoolean());
        assertTrue(new ObjectMapper().readTree(lines[2]).get("autoReset").asBoolean(), "v2.10 resets from DTR/RTS");
    }

    @Test
    void oneBoardCanBeChosenByName() {
        assertEquals(ExitCodes.OK, mep("boards", "esp32-mep-v1.10"));
        assertTrue(out.toString().startsWith("esp32-mep-v1.10 "));
        assertFalse(out.toString().contains("esp32-mep-v2.00"));
    }

    @Test
    void anUnknownBoardIsAOneLineUsageError() {
        assertEquals(ExitCodes.USAGE, mep("boards", "nodemcu"));
        assertEquals("mep: unknown board 'nodemcu' (known: esp32-mep-v1.10, esp32-mep-v2.00, esp32-mep-v2.10, ustepper-esp32c3-v1.00)\n",
                err.toString());
        assertEquals("", out.toString());
    }
}
