package org.mepkit.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortOpener;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.sim.meter.MeterProfile;

/**
 * The benchmark's arithmetic and plumbing (over the in-memory pair; the real run is
 * {@code mep perf poll} over socat). No timing target is asserted here: only that the paced wire
 * makes a cycle at least as long as its wire time, which holds on any machine.
 */
class PollBenchmarkTest {

    @Test
    void reportsWireTimeFromTheBytesOfBothExchangesAndACycleNoShorterThanTheWire() throws Exception {
        LinePair pair = LinePair.create("memory:meter", "memory:host", LineSettings.MEP);
        PortOpener opener = (path, settings) -> path.equals("meter") ? pair.a() : pair.b();
        PollBenchmark.Result r = PollBenchmark.run(opener, "meter", "host", MeterProfile.DEFAULT, 0, 2);
        // BT23 partial request 8+14 = 22, BT28 request 5+14 = 19; replies 5+13+8 = 26 and 5+220+8 = 233 (8-byte trailer)
        assertEquals(41, r.requestBytes());
        assertEquals(259, r.replyBytes());
        assertEquals(300 * 10 / 9600.0, r.wireS(), 1e-9);
        assertEquals(0.040, r.turnaroundS(), 1e-9);
        assertTrue(r.cycleS() >= r.wireS(), "a paced cycle cannot beat the wire: " + r);
        assertEquals(2, r.cycles());
        Map<String, Object> json = r.toJson();
        assertTrue(json.keySet().containsAll(java.util.List.of("wire_s", "cycle_s", "ratio", "count", "p95_s")), json.toString());
    }

    @Test
    void percentileIsNearestRank() {
        long[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, PollBenchmark.percentile(v, 0.5));
        assertEquals(10, PollBenchmark.percentile(v, 0.95));
        assertEquals(1, PollBenchmark.percentile(new long[] {1}, 0.95));
    }
}
