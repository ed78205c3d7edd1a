package org.mepkit.watch.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mepkit.mqtt.Publication;
import org.mepkit.reading.Reading;

class HaDiscoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HaDiscovery discovery = new HaDiscovery(HaDiscovery.ReaderInfo.of("pi", "/dev/serial/by-id/usb-FTDI_x-port0",
            "mep", "mepkit 0.1"), 60);
    private final Reading.Identity meter = new Reading.Identity("ELON", "83331-3I", "58.134", "1234567890ABCDEF", null);

    private Map<String, JsonNode> configs(Set<String> keys) throws Exception {
        Map<String, JsonNode> m = new java.util.LinkedHashMap<>();
        for (Publication p : discovery.configs(meter, keys)) {
            assertTrue(p.retained());
            assertEquals(1, p.qos());
            m.put(p.topic(), JSON.readTree(p.payload()));
        }
        return m;
    }

    @Test
    @DisplayName("ids keep only [a-zA-Z0-9_-]: the reader is named by host and port")
    void ids() {
        assertEquals("mepkit_pi_usb-FTDI_x-port0", discovery.reader().id());
        assertEquals("mepkit_meter_1234567890ABCDEF", HaDiscovery.meterId(meter));
        assertEquals("mepkit_meter_ELON_83331-3I", HaDiscovery.meterId(new Reading.Identity("ELON", "83331-3I", "1.0", null, null)));
    }

    @Test
    @DisplayName("energy is Wh total_increasing, power W measurement, voltage mV, current mA, frequency mHz")
    void unitsAndClasses() throws Exception {
        Map<String, JsonNode> c = configs(Set.of("fwd_act_wh", "rev_act_wh", "fwd_w", "l1_rms_v", "l1_rms_a", "freq_m_hz",
                "l1_pf_fac", "import_reactive_v_ar"));
        JsonNode energy = c.get("homeassistant/sensor/mepkit_meter_1234567890ABCDEF_fwd_act_wh/config");
        assertEquals("energy", energy.get("device_class").asText());
        assertEquals("Wh", energy.get("unit_of_measurement").asText());
        assertEquals("total_increasing", energy.get("state_class").asText());
        assertFalse(energy.has("expire_after"), "an energy total does not expire");
        assertEquals("{{ value_json.fwd_act_wh }}", energy.get("value_template").asText());
        assertEquals("mepkit/mepkit_meter_1234567890ABCDEF/state", energy.get("state_topic").asText());
        assertEquals("mepkit/mepkit_pi_usb-FTDI_x-port0/status", energy.get("availability_topic").asText());
        JsonNode power = c.get("homeassistant/sensor/mepkit_meter_1234567890ABCDEF_fwd_w/config");
        assertEquals(List.of("power", "W", "measurement", "60"), List.of(power.get("device_class").asText(),
                power.get("unit_of_measurement").asText(), power.get("state_class").asText(), power.get("expire_after").asText()));
        assertEquals("mV", c.get("homeassistant/sensor/mepkit_meter_1234567890ABCDEF_l1_rms_v/config").get("unit_of_measurement").asText());
        assertEquals("mA", c.get("homeassistant/sensor/mepkit_meter_1234567890ABCDEF_l1_rms_a/config").get("unit_of_measurement").asText());
        JsonNode freq = c.get("homeassistant/sensor/mepkit_meter_1234567890ABCDEF_freq_m_hz/config");
        assertEquals("frequency", freq.get("device_class").asText());
        assertEquals("mHz", freq.get("unit_of_measurement").asText());
        JsonNode pf = c.get("homeassistant/sensor/mepkit_meter_1234567890ABCDEF_l1_pf_fac/config");
        assertEquals("%", pf.get("unit_of_measurement").asText());
        assertEquals("var", c.get("homeassistant/sensor/mepkit_meter_1234567890ABCDEF_import_reactive_v_ar/config")
                .get("unit_of_measurement").asText());
    }

    @Test
    @DisplayName("the meter device carries serial, model and firmware and routes via the reader device, which has entities of its own")
    void devices() throws Exception {
        Map<String, JsonNode> c = configs(Set.of("fwd_act_wh"));
        JsonNode dev = c.get("homeassistant/sensor/mepkit_meter_1234567890ABCDEF_fwd_act_wh/config").get("device");
        assertEquals("mepkit_meter_1234567890ABCDEF", dev.get("identifiers").get(0).asText());
        assertEquals("1234567890ABCDEF", dev.get("serial_number").asText());
        assertEquals("83331-3I", dev.get("model").asText());
        assertEquals("58.134", dev.get("sw_version").asText());
        assertEquals("mepkit_pi_usb-FTDI_x-port0", dev.get("via_device").asText());
        JsonNode link = c.get("homeassistant/binary_sensor/mepkit_pi_usb-FTDI_x-port0_link/config");
        assertEquals("connectivity", link.get("device_class").asText());
        assertEquals("mepkit_pi_usb-FTDI_x-port0", link.get("device").get("identifiers").get(0).asText());
        Set<String> uniqueIds = c.values().stream().map(n -> n.get("unique_id").asText()).collect(Collectors.toSet());
        assertEquals(c.size(), uniqueIds.size());
        for (Map.Entry<String, JsonNode> e : c.entrySet()) {
            assertTrue(e.getKey().endsWith("/" + e.getValue().get("unique_id").asText() + "/config"), "object id = unique id");
            assertEquals("mepkit", e.getValue().get("origin").get("name").asText());
        }
    }

    @Test
    @DisplayName("only entities the samples carry are announced (the optical BT28 has no per-phase power)")
    void onlyWhatIsThere() throws Exception {
        Map<String, JsonNode> c = configs(Set.of("fwd_act_wh", "rev_act_wh", "fwd_w"));
        assertEquals(3 + 2, c.size());
    }
}
