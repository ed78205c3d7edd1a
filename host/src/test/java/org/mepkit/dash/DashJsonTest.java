package org.mepkit.dash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DashJsonTest {

    @Test
    @DisplayName("the firmware's literal layout: newline and indents, no space after the colon, unsigned 32-bit numbers")
    void layout() {
        String json = DashJson.render(new DashJson.Values(DashJson.Software.FIRMWARE, "ELON", "83331-3I", "58.134",
                "SN\0junk", LocalDateTime.of(2024, 3, 28, 17, 23, 27), 1_234_567, 98_765, k -> k == 1 ? -5 : k * 10));
        assertTrue(json.startsWith("\n    {\n      \"ESP_SW\":\"ESP32 MEP\",\n      \"ESP_SW_By\":\"dabbler.dk\",\n"), json);
        assertTrue(json.contains("      \"Utility_SN\":\"SN\",\n"), "cut at the NUL like %s");
        assertTrue(json.contains("      \"CurrentDateTimeString\":\"2024-03-28 (Thursday) @ 17:23:27\",\n"), json);
        assertTrue(json.contains("      \"CurrentDateTime\":\"2024-03-28T17:23:27.000Z\",\n"), json);
        assertTrue(json.contains("      \"Fwd_W\":0,\n      \"Rev_W\":4294967291,\n      \"Freq_mHz\":110,\n"), json);
        assertTrue(json.endsWith("      \"L3_Rev_Avg_W\":540\n    }\n  "), json);
        assertEquals(34, json.lines().filter(l -> l.startsWith("      \"")).count());
    }

    @Test
    @DisplayName("before the clock was set the year prints negative, as the firmware's formatting does")
    void unsetClock() {
        String json = DashJson.render(new DashJson.Values(DashJson.Software.FIRMWARE, "", "", "0.0", "",
                LocalDateTime.of(1970, 1, 1, 0, 0, 5), 0, 0, k -> 0));
        assertTrue(json.contains("\"CurrentDateTime\":\"20-30-01-01T00:00:05.000Z\""), json);
    }
}
