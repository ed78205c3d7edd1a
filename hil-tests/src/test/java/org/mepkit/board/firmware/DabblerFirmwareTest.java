package org.mepkit.board.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mepkit.bench.BenchMeter;
import org.mepkit.bench.MeterValues;
import org.mepkit.time.ManualTicker;

/** Fidelity of the dabbler model against board-firmware-behaviour.md §3–4 and mep-protocol.md §4, §8. */
class DabblerFirmwareTest {

    static final String KEY = "ABCDEFGHIJKLMNOPQRST";

    final ManualTicker ticker = new ManualTicker();
    final FakeBoardIo io = new FakeBoardIo(ticker);

    DabblerFirmware boot(FirmwareConfig config) {
        return new DabblerFirmware(ticker, io, config, new Random(1));
    }

    BenchMeter meter(long firstSeq) {
        BenchMeter m = new BenchMeter(KEY, MeterValues.sample(), firstSeq);
        io.meter = packet -> m.answer(packet, io.now());
        return m;
    }

    @Test
    void bootPrintsTheConfigurationInOrderAndQueuesBt52AfterTheTwoOneSecondDelays() {
        DabblerFirmware fw = boot(FirmwareConfig.provisioned("lab", "wifi-secret", KEY));
        io.runUntil(fw, 5_000, () -> io.texts().contains("Queued request at index 0"));
        assertEquals(List.of("Preferences are valid", "wifi_ssid: 'lab'", "wifi_pwd: 'wifi-secret'",
                "user_login: 'mep'", "user_pwd: ''", "mep_key: '" + KEY + "'", "mqtt_enable: 0", "mqtt_server: ",
                "mqtt_user: ", "mqtt_pw: ", "", ".", "Connected to lab", "IP address: 127.0.0.1",
                "mDNS responder started", "Setting RS3232 pin 1", "Setting ENABLE pin 1", "Queued request at index 0"),
                io.texts());
        long rs = at("Setting RS3232 pin 1");
        assertEquals(1000, at("Setting ENABLE pin 1") - rs, "RS3232 on → ENABLE: 1000 ms");
        assertEquals(2000, at("Queued request at index 0") - rs, "ENABLE → first request: 1000 ms");
        assertEquals(List.of(new FakeBoardIo.Pin(rs, "RS3232", true), new FakeBoardIo.Pin(rs + 1000, "ENABLE", true)),
                io.pins);
    }

    @Test
    void anEmptySsidFallsBackToTheAccessPointAfterOneDot() {
        DabblerFirmware fw = boot(new FirmwareConfig(true, "", "", "mep", "", KEY, false, "", "", "", ""));
        io.runUntil(fw, 5_000, () -> io.texts().contains("Queued request at index 0"));
        assertTrue(io.texts().contains(".Setting up AP (Access Point) esp32-mep"), io.texts().toString());
        assertTrue(io.texts().contains("AP IP address: 192.168.4.1"));
    }

    @Test
    void theFactoryKeyDisablesMepTraffic() {
        DabblerFirmware fw = boot(FirmwareConfig.factory());
        io.runFor(fw, 20_000);
        assertEquals("Preferences initialized", io.texts().get(0));
        assertTrue(io.texts().contains("No MEP key set, disabling MEP communication until next reboot..."));
        assertTrue(io.sent.isEmpty(), "no request is transmitted with the factory key");
    }

    @Test
    void startUpOrderIsBt52ThenResyncThenTheSixConfigurationReadsThenPolling() {
        BenchMeter meter = meter(1234);
        DabblerFirmware fw = boot(FirmwareConfig.provisioned("lab", "pw", KEY));
        io.runUntil(fw, 30_000, () -> meter.seen().size() >= 12);
        List<BenchMeter.Seen> seen = meter.seen();
        int[] tables = seen.stream().mapToInt(BenchMeter.Seen::table).limit(10).toArray();
        assertArrayEquals(new int[] {BenchMeter.BT52, BenchMeter.BT52, BenchMeter.BT01, BenchMeter.BT21, BenchMeter.ET03,
                BenchMeter.ET11, BenchMeter.ET13, BenchMeter.ET50, BenchMeter.BT23, BenchMeter.BT28}, tables);
        assertEquals(0, seen.get(0).sequence(), "first BT52 goes out with sequence 0");
        assertEquals(0x0C, seen.get(0).replyCode());
        assertEquals(1234, seen.get(1).sequence(), "resent BT52 takes the meter's number");
        for (int i = 1; i < 8; i++) assertEquals(1234 + i - 1, seen.get(i).sequence(), "consecutive numbers");
        assertTrue(seen.stream().allMatch(BenchMeter.Seen::digestOk), "every digest is valid for the key");
        assertEquals(0x3F, seen.get(8).command(), "BT23 is polled with a partial read");
        assertTrue(io.texts().contains("Decoded FwdActiveWhL1L2L3=12345678 and RevActiveWhL1L2L3=2345"));
        assertTrue(io.texts().contains("Storing Fwd_Act_Wh=12345678 and Rev_Act_Wh=2345"));
        // the next BT23 goes out a little more than 2 s after BT28 was sent
        io.runUntil(fw, 10_000, () -> meter.seen().size() >= 11);
        long gap = meter.seen().get(10).atMillis() - meter.seen().get(9).atMillis();
        assertTrue(gap > 2000 && gap <= 2002, "poll gap " + gap);
    }

    @Test
    void theJsonCarriesTheMetersValuesWithTheFirmwaresNamesAndUnits() {
        BenchMeter meter = meter(7);
        DabblerFirmware fw = boot(FirmwareConfig.provisioned("lab", "pw", KEY));
        io.runUntil(fw, 30_000, () -> meter.seen().size() >= 11);
        FakeBoardIo.Web poll = io.http("GET", "/getDashDataWS");
        io.runUntil(fw, 100, () -> poll.status != null);
        assertEquals(200, poll.status);
        String json = poll.body;
        // the raw literal of NES-MEP-WebPages.cpp:87-124: 6-space indent, no space after the colon
        assertTrue(json.startsWith("\n    {\n      \"ESP_SW\":\"ESP32 MEP\",\n      \"ESP_SW_By\":\"dabbler.dk\",\n"), json);
        assertTrue(json.endsWith(",\n      \"L3_Rev_Avg_W\":0\n    }\n  "), json);
        assertTrue(json.contains("\n      \"Fwd_Act_Wh\":12345678,\n"), json);
        assertTrue(json.contains("\"L1_RMS_V\":230100,"), json);
        assertTrue(json.contains("\"L2_RMS_A\":3200,"), json);
        assertTrue(json.contains("\"Freq_mHz\":50012,"), json);
        assertTrue(json.contains("\"Meter_Manufacturer\":\"ITRN\""), json);
        assertTrue(json.contains("\"Meter_SW_Version\":\"4.7\""), json);
        assertTrue(json.contains("\"Utility_SN\":\"MEPKIT-TWIN-0001\""), json);
        assertTrue(json.contains("\"CurrentDateTime\":\"2024-03-28T17:2"), json);
        assertTrue(json.indexOf("\"ESP_SW\"") < json.indexOf("\"Fwd_Act_Wh\"")
                && json.indexOf("\"Fwd_Act_Wh\"") < json.indexOf("\"L3_Rev_Avg_W\""), "field order");
        assertTrue(io.texts().contains("Serving web request: GetDashDataWS with Fwd_Act_Wh=12345678 and Rev_Act_Wh=2345"));
        assertEquals(json, fw.dashDataJson());
    }

    @Test
    void aSilentMeterGetsThePowerCycleAfterTenSecondsAndTheIdenticalBytesAgain() {
        DabblerFirmware fw = boot(FirmwareConfig.provisioned("lab", "pw", KEY));
        io.runUntil(fw, 30_000, () -> io.sent.size() >= 2);
        long first = io.sentAt.get(0);
        assertArrayEquals(io.sent.get(0), io.sent.get(1), "retransmission is byte-identical");
        int i = io.texts().indexOf("Setting ENABLE pin 0");
        assertEquals(List.of("Setting ENABLE pin 0", "Setting RS3232 pin 0",
                "RS3232 reset 1/2. Dropping buffer with this contents:", "0x", "Setting RS3232 pin 1",
                "Setting ENABLE pin 1", "RS3232 reset 2/2. Dropping buffer with this contents:", "0x",
                "Transmitting request at index 0 (attempt 2)"), io.texts().subList(i, i + 9));
        long t0 = io.lines.get(i).atMs();
        assertTrue(t0 - first > 10_000 && t0 - first <= 10_002, "timeout " + (t0 - first));
        assertEquals(1000, io.lines.get(i + 4).atMs() - t0);
        assertEquals(2000, io.lines.get(i + 5).atMs() - t0);
        assertEquals(3000, io.lines.get(i + 6).atMs() - t0);
        assertEquals(3000, io.sentAt.get(1) - t0);
        assertFalse(io.enableWhileMaxOff, "ENABLE never asserted with the MAX3232 off");
    }

    @Test
    void fiftyUnansweredSendsEndInGivingUpAndARestartOneSecondLater() {
        DabblerFirmware fw = boot(FirmwareConfig.provisioned("lab", "pw", KEY));
        io.runUntil(fw, 15 * 60_000, fw::halted);
        assertTrue(fw.halted());
        assertEquals(50, io.sent.size());
        FakeBoardIo.Line giveUp = io.lines.stream().filter(l -> l.text().startsWith("Giving up on reqest at index "))
                .findFirst().orElseThrow();
        assertTrue(giveUp.text().endsWith(" - too may retries"), giveUp.text());
        assertNotNull(io.restartReason);
        long total = io.now();
        // 50 sends: 2.5 s boot + 49 × (10 s + 3 s) + 10 s + 1 s, checked once a millisecond
        assertTrue(total >= 2_500 + 49 * 13_000 + 11_000 && total < 2_500 + 50 * 13_000 + 11_000, "total " + total);
    }

    @Test
    void garbageWhileIdleIsDroppedAfterOneHundredMillisecondsWithAHexDump() {
        DabblerFirmware fw = boot(FirmwareConfig.factory());
        io.runFor(fw, 3_000);
        io.inject(new byte[] {0x7F, (byte) 0xAB});
        io.runFor(fw, 50);
        assertFalse(io.texts().stream().anyMatch(t -> t.contains("garbage")), "not before 100 ms");
        io.runFor(fw, 100);
        int i = io.texts().indexOf("Error: InputBufferLength: 2, got this garbage from the meter, but did not expect a package:");
        assertTrue(i > 0, io.texts().toString());
        assertEquals("0x7FAB", io.texts().get(i + 1));
    }

    @Test
    void anAlertRunsTheChainEt11Et13Et50Ep39Bt08() {
        BenchMeter meter = meter(100);
        DabblerFirmware fw = boot(FirmwareConfig.provisioned("lab", "pw", KEY));
        io.runUntil(fw, 30_000, () -> meter.seen().size() >= 10);
        int before = meter.seen().size();
        io.runUntil(fw, 5_000, () -> io.sent.size() > 0 && !io.texts().get(io.texts().size() - 1).startsWith("Transmitting"));
        io.inject(new byte[] {0, 0});
        io.runUntil(fw, 30_000, () -> meter.seen().stream().skip(before).anyMatch(s -> s.table() == BenchMeter.BT08));
        List<Integer> chain = meter.seen().stream().skip(before).map(BenchMeter.Seen::table)
                .filter(t -> t != BenchMeter.BT23 && t != BenchMeter.BT28).toList();
        assertEquals(List.of(BenchMeter.ET11, BenchMeter.ET13, BenchMeter.ET50, BenchMeter.BT07, BenchMeter.BT08), chain);
        assertTrue(io.texts().contains("Alert sequence (0x0000) received..."));
        BenchMeter.Seen et13 = meter.seen().stream().filter(s -> s.table() == BenchMeter.ET13 && s.command() == 0x3F)
                .findFirst().orElseThrow();
        assertArrayEquals(new byte[] {0x3F, 0x08, 0x0D, 0x00, 0x01, 0x10, 0x00, 0x01}, et13.body(), "offset 4·66+8");
    }

    @Test
    void aWrongKeyDrawsAuthenticationFailuresAndTheBoardThenIdles() {
        BenchMeter meter = new BenchMeter("WRONGWRONGWRONGWRONG", MeterValues.sample(), 0);
        io.meter = packet -> meter.answer(packet, io.now());
        DabblerFirmware fw = boot(FirmwareConfig.provisioned("lab", "pw", KEY));
        io.runFor(fw, 60_000);
        assertEquals(1, meter.seen().size(), "0x0B is final: no retry, no polling");
        assertEquals(0x0B, meter.seen().get(0).replyCode());
    }

    private long at(String text) {
        return io.lines.stream().filter(l -> l.text().equals(text)).findFirst().orElseThrow().atMs();
    }
}
