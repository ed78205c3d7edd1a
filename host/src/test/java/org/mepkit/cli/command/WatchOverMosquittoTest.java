package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.MepCommand;
import org.mepkit.cli.spi.CommandContribution;
import org.mepkit.mqtt.Mosquitto;
import org.mepkit.mqtt.MosquittoTesting;
import org.mepkit.mqtt.Subscriber;
import org.mepkit.serial.Ports;
import org.mepkit.serial.pty.PtyTesting;
import org.mepkit.serial.pty.SocatPair;
import org.mepkit.watch.SampleLog;

import picocli.CommandLine;

/**
 * {@code mep watch} against {@code mep meter simulate} on a socat pty pair, publishing to a real mosquitto:
 * discovery, states, the re-send on Home Assistant's birth message, the reconnect after the broker restarts,
 * the board's JSON over HTTP and the log.
 */
class WatchOverMosquittoTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METER = "mepkit/mepkit_meter_1234567890ABCDEF/state";
    private static final String ENERGY_CONFIG = "homeassistant/sensor/mepkit_meter_1234567890ABCDEF_fwd_act_wh/config";

    @TempDir
    Path dir;

    private Mosquitto broker;
    private SocatPair ptys;
    private final CountDownLatch meterStop = new CountDownLatch(1);
    private Thread meter;
    private final AtomicBoolean stop = new AtomicBoolean();
    private Thread watcher;
    private final AtomicInteger watchExit = new AtomicInteger(-1);
    private final StringWriter watchOut = new StringWriter();
    private final StringWriter watchErr = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoTesting.start(dir.resolve("broker"));
        ptys = PtyTesting.socatPair();
        Files.writeString(dir.resolve("mbk.txt"), "MY-METER-KEY\n");
        CommandLine sim = cli(new MeterSimulateCommand(Ports.OPENER, meterStop));
        meter = new Thread(() -> sim.execute("meter", "simulate", "--port", ptys.pathB().toString(), "--key-file",
                dir.resolve("mbk.txt").toString()), "test-meter");
        meter.start();
    }

    @AfterEach
    void end() throws Exception {
        stop.set(true);
        if (watcher != null) watcher.join(10_000);
        meterStop.countDown();
        meter.join(10_000);
        ptys.close();
        broker.close();
    }

    private static CommandLine cli(Object command) {
        CommandLine c = MepCommand.commandLine(List.of(new CommandContribution() {
            @Override public String parent() { return command instanceof MeterSimulateCommand ? "meter" : ""; }
            @Override public Object command() { return command; }
        }));
        c.setOut(new PrintWriter(new StringWriter(), true));
        c.setErr(new PrintWriter(new StringWriter(), true));
        return c;
    }

    private void watch(String... extra) {
        CommandLine c = cli(new WatchCommand(Ports.OPENER, Map.of(), stop::get));
        c.setOut(new PrintWriter(watchOut, true));
        c.setErr(new PrintWriter(watchErr, true));
        List<String> args = new java.util.ArrayList<>(List.of("watch", "--port", ptys.pathA().toString(), "--key-file",
                dir.resolve("mbk.txt").toString(), "--mqtt", broker.url()));
        args.addAll(List.of(extra));
        watcher = new Thread(() -> watchExit.set(c.execute(args.toArray(String[]::new))), "test-watch");
        watcher.start();
    }

    private int stopWatching() throws InterruptedException {
        stop.set(true);
        watcher.join(15_000);
        return watchExit.get();
    }

    @Test
    @DisplayName("discovery is retained with the meter and reader devices; states follow as JSON; stopping says offline")
    void discoveryAndStates() throws Exception {
        try (Subscriber sub = new Subscriber(broker.url(), "homeassistant/#", "mepkit/#")) {
            watch();
            Subscriber.Received config = sub.await("the energy config", r -> r.topic().equals(ENERGY_CONFIG), Duration.ofSeconds(30));
            JsonNode c = JSON.readTree(config.payload());
            assertEquals("Energy import", c.get("name").asText());
            assertEquals("energy", c.get("device_class").asText());
            assertEquals("Wh", c.get("unit_of_measurement").asText());
            assertEquals("total_increasing", c.get("state_class").asText());
            assertEquals(METER, c.get("state_topic").asText());
            assertEquals("ELON", c.get("device").get("manufacturer").asText());
            assertEquals("83331-3I", c.get("device").get("model").asText());
            assertEquals("58.134", c.get("device").get("sw_version").asText());
            assertEquals("1234567890ABCDEF", c.get("device").get("serial_number").asText());
            String reader = c.get("device").get("via_device").asText();
            assertTrue(reader.startsWith("mepkit_") && reader.endsWith("_" + ptys.pathA().getFileName()), reader);
            String status = c.get("availability_topic").asText();
            sub.await("online", r -> r.topic().equals(status) && r.payload().equals("online"), Duration.ofSeconds(5));
            sub.await("the reader's link entity", r -> r.topic().equals("homeassistant/binary_sensor/" + reader + "_link/config"),
                    Duration.ofSeconds(5));
            sub.await("two states", r -> r.topic().equals(METER) && r.payload().contains("\"sample\":3"), Duration.ofSeconds(30));
            List<JsonNode> states = new java.util.ArrayList<>();
            for (Subscriber.Received r : sub.received()) if (r.topic().equals(METER)) states.add(JSON.readTree(r.payload()));
            JsonNode first = states.get(0);
            assertEquals(850, first.get("fwd_w").asInt());
            assertEquals(231_000, first.get("l1_rms_v").asInt());
            assertEquals(50_012, first.get("freq_m_hz").asInt());
            assertTrue(first.get("fwd_act_wh").asLong() >= 1_234_567);
            for (int i = 1; i < states.size(); i++) {
                assertTrue(states.get(i).get("fwd_act_wh").asLong() >= states.get(i - 1).get("fwd_act_wh").asLong());
            }
            try (Subscriber late = new Subscriber(broker.url(), ENERGY_CONFIG)) {
                assertTrue(late.await("the retained config", r -> true, Duration.ofSeconds(5)).retained());
            }
            assertEquals(0, stopWatching());
            sub.await("offline", r -> r.topic().equals(status) && r.payload().equals("offline"), Duration.ofSeconds(5));
            assertTrue(watchOut.toString().contains("published"), watchOut.toString());
        }
    }

    @Test
    @DisplayName("Home Assistant's birth message (online on homeassistant/status) brings the configs again")
    void birthMessage() throws Exception {
        try (Subscriber sub = new Subscriber(broker.url(), "homeassistant/sensor/#", METER)) {
            watch();
            sub.await("a state", r -> r.topic().equals(METER), Duration.ofSeconds(30));
            sub.clear();
            sub.publish("homeassistant/status", "online", false);
            Subscriber.Received again = sub.await("the config again", r -> r.topic().equals(ENERGY_CONFIG), Duration.ofSeconds(10));
            assertEquals("Energy import", JSON.readTree(again.payload()).get("name").asText());
        }
    }

    @Test
    @DisplayName("after the broker restarts (forgetting everything) the watcher reconnects: online, configs and states again")
    void brokerRestart() throws Exception {
        watch();
        try (Subscriber sub = new Subscriber(broker.url(), METER)) {
            sub.await("a state", r -> true, Duration.ofSeconds(30));
        }
        broker.restart();
        try (Subscriber sub = new Subscriber(broker.url(), "homeassistant/#", "mepkit/#")) {
            sub.await("a config after the restart", r -> r.topic().equals(ENERGY_CONFIG), Duration.ofSeconds(30));
            sub.await("a state after the restart", r -> r.topic().equals(METER), Duration.ofSeconds(10));
            sub.await("online after the restart", r -> r.topic().endsWith("/status") && r.payload().equals("online"), Duration.ofSeconds(10));
        }
        stopWatching();
        assertTrue(watchErr.toString().contains("reconnected to the MQTT broker"), watchErr.toString());
    }

    @Test
    @DisplayName("--http serves /getDashDataWS with the firmware's fields; --log writes one CSV line per sample")
    void httpAndLog() throws Exception {
        Path log = dir.resolve("samples.csv");
        try (Subscriber sub = new Subscriber(broker.url(), METER)) {
            watch("--http", "127.0.0.1:0", "--log", log.toString());
            sub.await("a state", r -> r.payload().contains("\"sample\":2"), Duration.ofSeconds(30));
        }
        String out = watchOut.toString();
        String url = out.substring(out.indexOf("HTTP ") + 5, out.indexOf("; log"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("close", r.headers().firstValue("Connection").orElse(""));
        JsonNode dash = JSON.readTree(r.body());
        List<String> names = new java.util.ArrayList<>();
        dash.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("ESP_SW", "ESP_SW_By", "ESP_SW_Version", "Meter_Manufacturer", "Meter_Model", "Meter_SW_Version",
                "Utility_SN", "CurrentDateTimeString", "CurrentDateTime", "Fwd_Act_Wh", "Rev_Act_Wh", "Fwd_W", "Rev_W", "Freq_mHz",
                "L1_RMS_A", "L2_RMS_A", "L3_RMS_A", "L1_RMS_V", "L2_RMS_V", "L3_RMS_V", "L1_Fwd_W", "L2_Fwd_W", "L3_Fwd_W",
                "L1_Rev_W", "L2_Rev_W", "L3_Rev_W", "Fwd_Avg_W", "Rev_Avg_W", "L1_Fwd_Avg_W", "L2_Fwd_Avg_W", "L3_Fwd_Avg_W",
                "L1_Rev_Avg_W", "L2_Rev_Avg_W", "L3_Rev_Avg_W"), names);
        assertEquals("1234567890ABCDEF", dash.get("Utility_SN").asText());
        assertEquals(231_000, dash.get("L1_RMS_V").asInt(), "mV, as the firmware");
        assertEquals(5234, dash.get("L1_RMS_A").asInt(), "mA, as the firmware");
        assertEquals(50_012, dash.get("Freq_mHz").asInt());
        assertTrue(dash.get("CurrentDateTime").asText().startsWith("2024-03-28T17:2"), dash.get("CurrentDateTime").asText());
        stopWatching();
        SampleLog.Contents contents = SampleLog.read(log);
        assertEquals(0, contents.skippedLines());
        assertTrue(contents.records().size() >= 2);
        assertEquals("confirming", contents.records().get(0).get("status"));
        assertEquals("accepted", contents.records().get(1).get("status"));
        assertEquals("850", contents.records().get(1).get("fwd_w"));
    }
}
