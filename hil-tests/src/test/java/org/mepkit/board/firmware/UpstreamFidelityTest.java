package org.mepkit.board.firmware;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mepkit.bench.BenchMeter;
import org.mepkit.bench.MeterValues;
import org.mepkit.recovery.RecoveryPolicy;
import org.mepkit.time.ManualTicker;

/** Issue 13: where the twin used to differ from upstream's source (6681de7), it now does what upstream does. */
class UpstreamFidelityTest {

    static final String KEY = "ABCDEFGHIJKLMNOPQRST";

    final ManualTicker ticker = new ManualTicker();
    final FakeBoardIo io = new FakeBoardIo(ticker);
    BenchMeter meter = new BenchMeter(KEY, MeterValues.sample(), 7);
    byte[] held;
    int alertsBefore;
    int holdNext;
    int split;

    DabblerFirmware dabbler() {
        return new DabblerFirmware(ticker, io, FirmwareConfig.provisioned("lab", "pw", KEY), new Random(1));
    }

    DabblerFirmware spec() {
        return DabblerFirmware.spec(ticker, io, FirmwareConfig.provisioned("lab", "pw", KEY), new Random(1), RecoveryPolicy.DEFAULT);
    }

    /** The meter answers; a reply can be held back, cut ({@code split} bytes now) or preceded by alerts. */
    void wire() {
        io.meter = packet -> {
            byte[] reply = meter.answer(packet, io.now());
            if (reply == null) return null;
            byte[] alerts = new byte[2 * alertsBefore];
            alertsBefore = 0;
            if (holdNext > 0) {
                holdNext--;
                held = reply;
                return alerts.length == 0 ? null : alerts;
            }
            if (split > 0) {
                held = Arrays.copyOfRange(reply, split, reply.length);
                reply = Arrays.copyOf(reply, split);
                split = 0;
            }
            byte[] out = Arrays.copyOf(alerts, alerts.length + reply.length);
            System.arraycopy(reply, 0, out, alerts.length, reply.length);
            return out;
        };
    }

    @Test
    void anAlertReadTogetherWithTheStartOfAReplyCrashesTheDabblerFirmware() {
        wire();
        DabblerFirmware fw = dabbler();
        io.runUntil(fw, 30_000, () -> meter.seen().size() >= 10);
        alertsBefore = 1;
        split = 5;
        FirmwarePanic p = assertThrows(FirmwarePanic.class, () -> io.runFor(fw, 5_000));
        assertEquals("StoreProhibited", p.exception());
        assertEquals("NES-MEP-UI.ino:343", p.upstream());
    }

    @Test
    void theSpecFirmwareWaitsForTheRestOfTheReplyAndStartsTheChain() {
        wire();
        DabblerFirmware fw = spec();
        io.runUntil(fw, 30_000, () -> meter.seen().size() >= 10);
        int before = meter.seen().size();
        alertsBefore = 1;
        split = 5;
        io.runUntil(fw, 3_000, () -> held != null);
        io.runFor(fw, 50);
        io.inject(held);
        io.runUntil(fw, 10_000, () -> meter.seen().stream().skip(before).anyMatch(r -> r.table() == BenchMeter.ET11));
        assertTrue(io.texts().contains("Alert sequence (0x0000) received..."));
        assertTrue(meter.seen().stream().skip(before).anyMatch(r -> r.table() == BenchMeter.ET11), "the chain started");
    }

    @Test
    void twentyFiveAlertsWhileAReplyIsAwaitedOverwriteTheRingAndPollingGoesOn() {
        wire();
        DabblerFirmware fw = dabbler();
        io.runUntil(fw, 30_000, () -> meter.seen().size() >= 10);
        holdNext = 1;
        alertsBefore = 25;
        io.runUntil(fw, 5_000, () -> held != null);
        io.runFor(fw, 100);
        io.inject(held);
        int after = meter.seen().size();
        io.runUntil(fw, 20_000, () -> meter.seen().size() >= after + 4);
        assertTrue(meter.seen().size() >= after + 4, "polling went on: " + (meter.seen().size() - after) + " requests");
        assertEquals(25, io.texts().stream().filter("Alert sequence (0x0000) received..."::equals).count());
        assertTrue(meter.seen().stream().skip(after).noneMatch(r -> r.table() == BenchMeter.ET11),
                "the chain's ET11 request was overwritten in the ring before it was sent");
    }

    @Test
    void httpIsServedFromTheLoopOnlyOneClientPerPass() {
        wire();
        DabblerFirmware fw = dabbler();
        FakeBoardIo.Web early = io.http("GET", "/getDashDataWS");
        io.runUntil(fw, 10_000, () -> early.status != null);
        long loopStart = io.lines.stream().filter(l -> l.text().equals("Queued request at index 0")).findFirst().orElseThrow().atMs();
        assertTrue(early.answeredAt >= loopStart, "answered at " + early.answeredAt + " ms, setup ended at " + loopStart);
        FakeBoardIo.Web post = io.http("POST", "/getDashDataWS");
        FakeBoardIo.Web other = io.http("GET", "/nothing");
        io.runUntil(fw, 100, () -> other.status != null);
        assertEquals(404, post.status, "no handler for POST: the core's not-found reply");
        assertEquals("Not found: /nothing", other.body);
        assertTrue(other.answeredAt > post.answeredAt, "one client per pass");
        // during the power cycle's three blocking seconds nobody is served
        io.runUntil(fw, 30_000, () -> meter.seen().size() >= 10);
        meter.setSilent(true);
        io.runUntil(fw, 15_000, () -> io.texts().contains("Setting ENABLE pin 0"));
        FakeBoardIo.Web during = io.http("GET", "/getDashDataWS");
        io.runUntil(fw, 5_000, () -> during.status != null);
        assertTrue(during.answeredAt - during.askedAt >= 2_990, "served " + (during.answeredAt - during.askedAt) + " ms late");
    }

    @Test
    void wifiPrintsADotPerHalfSecondUntilConnectedAndFallsBackToTheAccessPointAfterThirtySeconds() {
        io.wifiConnectMs = 3_200;
        DabblerFirmware fw = dabbler();
        io.runUntil(fw, 10_000, () -> io.texts().contains("Queued request at index 0"));
        assertTrue(io.texts().contains("......."), io.texts().toString());
        long connected = io.lines.stream().filter(l -> l.text().startsWith("Connected to")).findFirst().orElseThrow().atMs();
        assertEquals(3_500, connected);

        FakeBoardIo other = new FakeBoardIo(new ManualTicker());
        other.wifiConnectMs = Long.MAX_VALUE;
        DabblerFirmware unreachable = new DabblerFirmware(other.ticker, other, FirmwareConfig.provisioned("lab", "pw", KEY), new Random(1));
        other.runUntil(unreachable, 40_000, () -> other.texts().contains("Queued request at index 0"));
        assertTrue(other.texts().contains(".".repeat(61) + "Setting up AP (Access Point) esp32-mep"), other.texts().toString());
    }

    @Test
    void aNulPaddedModelStopsAtTheNulInTheJson() {
        meter = new BenchMeter(KEY, new MeterValues("ITRN", "OMNI", 4, 7, "SN1", 1, 2, 3, 0, 50_000,
                new int[] {1, 2, 3}, new int[] {230_000, 230_000, 230_000}, 66, 0), 7);
        wire();
        DabblerFirmware fw = dabbler();
        io.runUntil(fw, 30_000, () -> meter.seen().size() >= 10);
        assertTrue(fw.dashDataJson().contains("\"Meter_Model\":\"OMNI\","), fw.dashDataJson());
        assertTrue(fw.dashDataJson().indexOf('\0') < 0);
    }

    @Test
    void theProcedureCallIsAnnouncedBeforeItIsQueued() {
        wire();
        DabblerFirmware fw = dabbler();
        io.runUntil(fw, 30_000, () -> meter.seen().size() >= 10);
        io.inject(new byte[] {0, 0});
        io.runUntil(fw, 20_000, () -> io.texts().stream().anyMatch(t -> t.startsWith("Handling Procedure Request")));
        List<String> t = io.texts();
        int i = t.indexOf(t.stream().filter(x -> x.startsWith("Handling Procedure Request at index ")).findFirst().orElseThrow());
        String index = t.get(i).substring("Handling Procedure Request at index ".length());
        assertEquals("Queued request at index " + index, t.get(i + 1), "NES-MEP.cpp:208 logs, then queueRequest logs");
    }

    @Test
    void theSpecFirmwareProbesWithAOneByteBt23Read() {
        wire();
        DabblerFirmware fw = spec();
        io.runUntil(fw, 30_000, () -> meter.seen().size() >= 10);
        meter.setSilent(true);
        io.runUntil(fw, 10_000, () -> io.texts().contains("Transmitting recovery probe"));
        io.runFor(fw, 50);
        byte[] probe = io.sent.get(io.sent.size() - 1);
        assertArrayEquals(new byte[] {0x3F, 0x00, 0x17, 0x00, 0x00, 0x00, 0x00, 0x01}, Arrays.copyOfRange(probe, 2, 10));
    }
}
