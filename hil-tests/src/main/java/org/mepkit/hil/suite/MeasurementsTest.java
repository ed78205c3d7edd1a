package org.mepkit.hil.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mepkit.bench.BenchExtension;
import org.mepkit.bench.BenchMeter;
import org.mepkit.bench.BenchSession;
import org.mepkit.bench.MeterValues;

@Tag("measurements")
@DisplayName("measurements")
@ExtendWith(BenchExtension.class)
class MeasurementsTest {

    @Test
    @DisplayName("the meter's values appear in /getDashDataWS with the firmware's names and units")
    void valuesInJson(BenchSession s) throws Exception {
        Assumptions.assumeTrue(s.bench().boardUrl().isPresent(), "bench config gives no board URL");
        s.boot();
        s.awaitRequests(11, s.steadyPollingMs()); // BT28 answered at least once
        s.idle(500);
        URI url = s.bench().boardUrl().get().resolve("/getDashDataWS");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode j = new ObjectMapper().readTree(r.body());
        MeterValues v = MeterValues.sample();
        assertEquals("ESP32 MEP", j.get("ESP_SW").asText());
        assertEquals(v.manufacturer(), j.get("Meter_Manufacturer").asText());
        assertEquals(v.swMain() + "." + v.swRevision(), j.get("Meter_SW_Version").asText());
        assertEquals(v.utilitySerial(), j.get("Utility_SN").asText());
        assertEquals(v.fwdActWh(), j.get("Fwd_Act_Wh").asLong(), "Fwd_Act_Wh in Wh");
        assertEquals(v.revActWh(), j.get("Rev_Act_Wh").asLong(), "Rev_Act_Wh in Wh");
        assertEquals(v.fwdW(), j.get("Fwd_W").asLong(), "Fwd_W in W");
        assertEquals(v.freqMilliHz(), j.get("Freq_mHz").asLong(), "Freq in mHz");
        assertEquals(v.rmsMilliAmps()[0], j.get("L1_RMS_A").asLong(), "L1_RMS_A is mA");
        assertEquals(v.rmsMilliVolts()[2], j.get("L3_RMS_V").asLong(), "L3_RMS_V is mV");
        assertTrue(j.get("CurrentDateTime").asText().startsWith("2024-03-28T17:"), "clock set from BT52");
        s.note("JSON fields checked: 10");
        assertTrue(s.meter().seen().stream().anyMatch(x -> x.table() == BenchMeter.BT28));
    }
}
