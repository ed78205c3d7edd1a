package org.mepkit.board.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mepkit.bench.BenchMeter;
import org.mepkit.bench.MeterValues;
import org.mepkit.recovery.RecoveryPolicy;
import org.mepkit.time.ManualTicker;

/** The {@code spec} model: the dabbler firmware with mepkit's recovery engine (DEFAULT policy) doing the recovery. */
class SpecFirmwareTest {

    static final String KEY = "ABCDEFGHIJKLMNOPQRST";

    final ManualTicker ticker = new ManualTicker();
    final FakeBoardIo io = new FakeBoardIo(ticker);
    final BenchMeter meter = new BenchMeter(KEY, MeterValues.sample(), 500);
    final DabblerFirmware fw = DabblerFirmware.spec(ticker, io, FirmwareConfig.provisioned("lab", "pw", KEY), new Random(1),
            RecoveryPolicy.DEFAULT);

    {
        io.meter = packet -> meter.answer(packet, io.now());
    }

    @Test
    void itStartsUpAndPollsLikeTheDabblerFirmware() {
        io.runUntil(fw, 30_000, () -> meter.seen().size() >= 10);
        List<Integer> tables = meter.seen().stream().limit(10).map(BenchMeter.Seen::table).toList();
        assertEquals(List.of(BenchMeter.BT52, BenchMeter.BT52, BenchMeter.BT01, BenchMeter.BT21, BenchMeter.ET03,
                BenchMeter.ET11, BenchMeter.ET13, BenchMeter.ET50, BenchMeter.BT23, BenchMeter.BT28), tables);
        assertTrue(io.texts().indexOf("Setting RS3232 pin 1") < io.texts().indexOf("Setting ENABLE pin 1"));
        assertEquals("spec", fw.projectName());
    }

    @Test
    void aSilentMeterIsDetectedFromWireTimeAndTheChipIsCycledWithoutEverEnablingItUnpowered() {
        io.runUntil(fw, 30_000, () -> meter.seen().size() >= 10);
        meter.setSilent(true);
        long silentAt = io.now();
        int from = io.lines.size();
        io.runUntil(fw, 20_000, () -> io.texts().subList(from, io.lines.size()).contains("Setting ENABLE pin 0"));
        long detected = io.lines.stream().skip(from).filter(l -> l.text().equals("Setting ENABLE pin 0")).findFirst()
                .orElseThrow().atMs();
        assertTrue(detected - silentAt < 5_000, "detected after " + (detected - silentAt) + " ms, upstream waits 10 s");
        meter.setSilent(false);
        int before = meter.seen().size();
        io.runUntil(fw, 30_000, () -> meter.seen().size() >= before + 5
                && meter.seen().get(meter.seen().size() - 1).replyCode() == 0);
        assertTrue(io.texts().stream().anyMatch(t -> t.startsWith("Recovery: RECOVERED")), io.texts().toString());
        assertFalse(io.enableWhileMaxOff, "ENABLE asserted with the MAX3232 off");
    }
}
