package org.mepkit.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mepkit.sim.max3232.Max3232Profile;

/** A port vanishing mid-test gives a failed assertion naming the port, within the wait's bound: no hang. */
class PortVanishesTest {

    @Test
    void unpluggingTheAdaptersFailsTheWaitWithTheReason() throws Exception {
        Bench bench = VirtualBenchFactory.defaults(Max3232Profile.GENUINE, 20, 1).open();
        try (BenchSession s = new BenchSession(bench, "unplug")) {
            s.boot();
            s.awaitRequests(3, 20_000);
            bench.twin().orElseThrow().unplugPorts();
            long t0 = System.nanoTime();
            AssertionError e = assertThrows(AssertionError.class, () -> s.awaitRequests(1_000, 60_000));
            long ms = (System.nanoTime() - t0) / 1_000_000L;
            assertTrue(e.getMessage().contains("meter port"), e.getMessage());
            assertTrue(ms < 3_000, "took " + ms + " ms");
        }
    }
}
