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

    @Test
    @DisplayName("the dashboard polled every 500 ms through a power cycle: every poll answered, late by at most the firmware's blocking")
    void dashboardThroughAPowerCycle(BenchSession s) throws Exception {
        Assumptions.assumeTrue(s.bench().boardUrl().isPresent(), "bench config gives no board URL");
        s.boot();
        s.awaitRequests(11, 30_000);
        URI url = s.bench().boardUrl().get().resolve("/getDashDataWS");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int from = s.console().size();
        s.meter().setSilent(true);
        long maxLatency = 0;
        int polls = 0;
        boolean cycled = false;
        long end = s.boardMillis() + BenchSession.TIMEOUT_AND_CYCLE_MS + 4_000;
        while (s.boardMillis() < end) {
            long t0 = s.boardMillis();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long latency = s.boardMillis() - t0;
            assertEquals(200, r.statusCode(), "poll " + polls);
            maxLatency = Math.max(maxLatency, latency);
            polls++;
            if (!cycled && s.console().lines().stream().skip(from).anyMatch(l -> l.text().equals("Setting ENABLE pin 1"))) {
                cycled = true;
                s.meter().setSilent(false);
                end = Math.min(end, s.boardMillis() + 1_000);
            }
            s.idle(Math.max(0, 500 - latency));
        }
        assertTrue(cycled, "no power cycle within " + (BenchSession.TIMEOUT_AND_CYCLE_MS + 4_000) + " ms board time");
        Expected x = Expected.of(s.bench());
        assertTrue(maxLatency <= x.httpLatencyMax(), "a dashboard poll waited " + maxLatency + " ms board time; "
                + s.bench().firmware() + " firmware: at most " + x.httpLatencyMax());
        s.note(polls + " polls through the power cycle, slowest answered after " + maxLatency + " ms board time");
    }
}
