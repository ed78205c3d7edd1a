package org.mepkit.hil.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mepkit.bench.BenchExtension;
import org.mepkit.bench.BenchMeter;
import org.mepkit.bench.BenchSession;

@Tag("alerts")
@DisplayName("alerts")
@ExtendWith(BenchExtension.class)
class AlertsTest {

    @Test
    @DisplayName("0x0000 from the meter starts the chain ET11 → ET13 → ET50 → EP39 (BT07) → BT08")
    void alertChain(BenchSession s) throws Exception {
        s.boot();
        s.awaitRequests(10, s.steadyPollingMs());
        int from = s.console().size();
        int before = s.meter().seen().size();
        s.meterSide().send(new byte[] {0x00, 0x00});
        s.console().awaitFrom(from, "alert line", "Alert sequence (0x0000) received..."::equals, 5_000);
        long end = System.nanoTime() + (long) (30_000 / s.bench().timeScale()) * 1_000_000L;
        List<Integer> chain;
        do {
            chain = s.meter().seen().stream().skip(before).map(BenchMeter.Seen::table)
                    .filter(t -> t != BenchMeter.BT23 && t != BenchMeter.BT28).toList();
            if (chain.size() >= 5 || System.nanoTime() > end) break;
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        } while (true);
        assertEquals(List.of(BenchMeter.ET11, BenchMeter.ET13, BenchMeter.ET50, BenchMeter.BT07, BenchMeter.BT08), chain);
    }
}
