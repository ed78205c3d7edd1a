package org.mepkit.hil.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mepkit.board.BoardImages;
import org.mepkit.board.VirtualBoard;
import org.mepkit.board.firmware.FirmwareConfig;
import org.mepkit.bench.BenchExtension;
import org.mepkit.bench.BenchSession;
import org.mepkit.bench.ConsoleMonitor;
import org.mepkit.bench.MeterValues;
import org.mepkit.bench.Mosquitto;
import org.mepkit.bench.VirtualBenchFactory;

@Tag("mqtt")
@DisplayName("mqtt")
@ExtendWith(BenchExtension.class)
class MqttTest {

    static final String TOPIC = "mepkit-bench";
    /**
     * The firmware publishes when more than 10 000 ms have passed since its last round (NES-MEP-UI.ino:250; the
     * first round once millis() passes 10 000): two rounds are due within 10 000 + 10 000 + one pass of boot.
     */
    static final long TWO_ROUNDS_MS = 10_000 + 10_000 + BenchSession.LOOP_MARGIN_MS;

    @Test
    @DisplayName("MQTT on: the readings reach a real broker (mosquitto) every 10 s with the firmware's topics and names")
    void readingsReachTheBroker(BenchSession s) throws Exception {
        VirtualBoard twin = s.bench().twin().orElse(null);
        Assumptions.assumeTrue(twin != null, "bench has no way to point the board's broker at a test broker (virtual bench only)");
        Assumptions.assumeTrue(Mosquitto.binary().isPresent() && Mosquitto.clientsInstalled(),
                "mosquitto and mosquitto-clients are not installed (test-all installs them)");
        FirmwareConfig base = VirtualBenchFactory.DEFAULT_NVS;
        FirmwareConfig withMqtt = new FirmwareConfig(true, base.wifiSsid(), base.wifiPassword(), base.userLogin(),
                base.userPassword(), base.mepKey(), true, TOPIC, "127.0.0.1", "", "");
        try (Mosquitto broker = Mosquitto.start(TOPIC + "/#")) {
            BoardImages.provisionNvs(twin.flash(), withMqtt);
            twin.routeTcp("127.0.0.1", 1883, broker.address());
            s.boot();
            ConsoleMonitor c = s.console();
            c.awaitFrom(s.bootLine(), "MQTT connected", "connected............ OK!"::equals, BenchSession.ENABLE_TO_FIRST_REQUEST_MS);
            List<ConsoleMonitor.Line> rounds = awaitRounds(s, 2, TWO_ROUNDS_MS);
            long period = rounds.get(1).atMillis() - rounds.get(0).atMillis();
            assertTrue(period >= 10_000 - BenchSession.LOOP_MARGIN_MS && period <= 10_000 + 2 * BenchSession.LOOP_MARGIN_MS,
                    "publish rounds " + period + " ms apart (firmware: just over 10 000)");
            long end = System.nanoTime() + 2_000_000_000L;
            // the second round's messages (the first may predate the first BT23 decode: its values are 0 then)
            while (broker.messages().stream().filter(m -> m.topic().endsWith("/frequency/mydatajson")).count() < 2
                    && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            MeterValues v = MeterValues.sample();
            ObjectMapper json = new ObjectMapper();
            JsonNode total = json.readTree(last(broker, TOPIC + "/meterConsumptionTotal/mydatajson"));
            assertEquals(v.fwdActWh(), total.get("Fwd_Act_Wh").asLong());
            assertEquals(v.revActWh(), total.get("Rev_Act_Wh").asLong());
            JsonNode sensors = json.readTree(last(broker, TOPIC + "/sensors/mydatajson"));
            assertEquals(v.rmsMilliVolts()[0], sensors.get("L1_RMS_V").asLong(), "mV");
            assertEquals(v.freqMilliHz(), json.readTree(last(broker, TOPIC + "/frequency/mydatajson")).get("Freq_mHz").asLong());
            assertEquals(v.fwdW(), json.readTree(last(broker, TOPIC + "/meterConsumptionFwd/mydatajson")).get("Fwd_W").asLong());
            assertEquals("Online", last(broker, TOPIC + "/lwt"), "the last-will topic says Online after connecting");
            s.note(broker.messages().size() + " messages at the broker; rounds " + period + " ms apart");
        }
    }

    static List<ConsoleMonitor.Line> awaitRounds(BenchSession s, int n, long boardBound) {
        long end = System.nanoTime() + (long) (boardBound / s.bench().timeScale()) * 1_000_000L;
        while (true) {
            List<ConsoleMonitor.Line> rounds = s.console().lines().stream().skip(s.bootLine())
                    .filter(l -> l.text().startsWith("topic: " + TOPIC + "/sensors/")).toList();
            if (rounds.size() >= n) return rounds;
            if (System.nanoTime() > end) {
                throw new AssertionError(rounds.size() + " MQTT publish round(s) within " + boardBound + " ms board time, expected " + n);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        }
    }

    private static String last(Mosquitto broker, String topic) {
        return broker.messages().stream().filter(m -> m.topic().equals(topic)).reduce((a, b) -> b)
                .map(Mosquitto.Message::payload).orElseThrow(() -> new AssertionError("nothing published on " + topic
                        + "; the broker saw " + broker.messages()));
    }
}
