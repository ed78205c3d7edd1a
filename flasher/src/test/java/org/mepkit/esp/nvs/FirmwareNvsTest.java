package org.mepkit.esp.nvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FirmwareNvsTest {

    @Test
    void writesTheMarkerFirstAndTheKeysTheFirmwareReads() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("mep_key", "0123456789ABCDEF0123");
        values.put("wifi_ssid", "bench");
        values.put("mqtt_enable", "true");
        List<NvsEntry> entries = FirmwareNvs.entries(values);
        assertEquals(List.of(
                NvsEntry.string("esp32-mep", "esp32-mep", "esp32-mep"),
                NvsEntry.string("esp32-mep", "wifi_ssid", "bench"),
                NvsEntry.string("esp32-mep", "mep_key", "0123456789ABCDEF0123"),
                NvsEntry.u8("esp32-mep", "mqtt_enable", 1)), entries);
        assertEquals(entries, NvsReader.read(NvsImageWriter.write(entries, 0x5000)).entries());
    }

    @Test
    void refusesAnOverLongValueWithoutPrintingIt() {
        var e = assertThrows(NvsException.class, () -> FirmwareNvs.entries(Map.of("wifi_password", "S3cret".repeat(11))));
        assertEquals(NvsException.Reason.VALUE_TOO_LONG, e.reason());
        assertEquals("wifi_password is 66 bytes; the firmware keeps at most 64", e.getMessage());
        assertFalse(e.getMessage().contains("S3cret"));
    }

    @Test
    void mqttServerIsLimitedTo14AsTheFirmwareBufferIs() {
        assertEquals(NvsException.Reason.VALUE_TOO_LONG,
                assertThrows(NvsException.class, () -> FirmwareNvs.entries(Map.of("mqtt_server", "192.168.100.100"))).reason());
    }

    @Test
    void refusesUnknownKeysAndNonBooleans() {
        assertEquals(NvsException.Reason.UNKNOWN_KEY, assertThrows(NvsException.class, () -> FirmwareNvs.entries(Map.of("wifi_pwd", "x"))).reason());
        assertEquals(NvsException.Reason.BAD_VALUE, assertThrows(NvsException.class, () -> FirmwareNvs.entries(Map.of("mqtt_enable", "maybe"))).reason());
    }

    @Test
    void knowsWhichKeysAreSecret() {
        assertEquals(List.of("wifi_password", "user_password", "mep_key", "mqtt_password"),
                FirmwareNvs.SETTINGS.stream().filter(FirmwareNvs.Setting::secret).map(FirmwareNvs.Setting::key).toList());
    }
}
