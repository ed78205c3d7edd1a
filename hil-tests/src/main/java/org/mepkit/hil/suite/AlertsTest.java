package org.mepkit.hil.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mepkit.bench.BenchExtension;
import org.mepkit.bench.BenchMeter;
import org.mepkit.bench.BenchSession;
import org.mepkit.bench.ConsoleMonitor;
import org.mepkit.bench.MeterSide;

@Tag("alerts")
@DisplayName("alerts")
@ExtendWith(BenchExtension.class)
class AlertsTest {

    /** Board time a polled request waits at most for the next one: the 2 000 ms poll interval plus one pass. */
    static final long NEXT_POLL_MS = 2_000 + BenchSession.LOOP_MARGIN_MS;

    @Test
    @DisplayName("0x0000 from the meter starts the chain ET11 → ET13 → ET50 → EP39 (BT07) → BT08")
    void alertChain(BenchSession s) throws Exception {
        s.boot();
        s.awaitRequests(10, s.steadyPollingMs());
        int from = s.console().size();
        int before = s.meter().seen().size();
        s.meterSide().send(new byte[] {0x00, 0x00});
        s.console().awaitFrom(from, "alert line", "Alert sequence (0x0000) received..."::equals, 5_000);
        List<Integer> chain = awaitChain(s, before, 30_000);
        assertEquals(List.of(BenchMeter.ET11, BenchMeter.ET13, BenchMeter.ET50, BenchMeter.BT07, BenchMeter.BT08), chain);
    }

    @Test
    @DisplayName("an alert immediately followed by a reply split across reads: the reply is taken whole, the chain starts")
    void alertThenSplitReply(BenchSession s) throws Exception {
        s.boot();
        s.awaitRequests(10, 30_000);
        // a loop pass may read the alert on its own and miss the window; three tries make a miss unlikely on the twin
        for (int attempt = 1; attempt <= 3; attempt++) {
            int from = s.console().size();
            int before = s.meter().seen().size();
            int planned = s.meterSide().plannedReplies();
            s.meterSide().planNextReply(new MeterSide.ReplyPlan(1, 0, 0, 5, 40));
            long end = System.nanoTime() + (long) (3 * NEXT_POLL_MS / s.bench().timeScale()) * 1_000_000L;
            while (s.meterSide().plannedReplies() == planned && System.nanoTime() < end) {
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
            }
            assertTrue(s.meterSide().plannedReplies() > planned, "no request to answer within " + 3 * NEXT_POLL_MS + " ms board time");
            // the outcome shows on the console: the split reply saved after the alert, or the panic
            ConsoleMonitor.Line alert = s.console().awaitFrom(from, "alert line", "Alert sequence (0x0000) received..."::equals, 5_000);
            int at = s.console().lines().indexOf(alert);
            ConsoleMonitor.Line outcome = s.console().awaitFrom(at, "the split reply saved, or a panic",
                    t -> t.startsWith("Saved request response at index") || t.startsWith("Guru Meditation Error: ")
                            || t.startsWith("abort() was called at PC ") || t.startsWith("rst:"), 5_000);
            if (!outcome.text().startsWith("Saved request response")) {
                KnownDefects.ALERT_THEN_PARTIAL_REPLY.report(s.bench(), "the board crashed on attempt " + attempt + ": "
                        + outcome.text());
            }
            List<Integer> chain = awaitChain(s, before, 30_000);
            assertEquals(BenchMeter.ET11, chain.isEmpty() ? -1 : chain.get(0), "the alert starts the chain: " + chain);
            int now = s.meter().seen().size();
            s.awaitRequests(now + 2, 2 * NEXT_POLL_MS);
            s.note("attempt " + attempt + ": no crash; the reply was taken whole");
            if (attempt == 1 && s.bench().firmware().equals("spec")) return;
        }
        assertTrue(s.crashLines().isEmpty(), "crashed: " + s.crashLines());
    }

    @Test
    @DisplayName("25 alerts while a reply is awaited: the ring wraps, the board keeps polling and does not crash")
    void manyAlertsWhileAwaiting(BenchSession s) throws Exception {
        s.boot();
        s.awaitRequests(10, 30_000);
        int from = s.console().size();
        int planned = s.meterSide().plannedReplies();
        // one alert per read (250 ms apart: a read ending inside a run of alerts would meet the alert defect), the reply
        // a second after the last, all within the 10 s reply timeout
        s.meterSide().planNextReply(new MeterSide.ReplyPlan(25, 250, 1_000, 0, 0));
        long bound = 3 * NEXT_POLL_MS + 25 * 252 + 1_000; // a request to answer, then the alerts and the gap
        long end = System.nanoTime() + (long) (bound / s.bench().timeScale()) * 1_000_000L;
        while (s.meterSide().plannedReplies() == planned && System.nanoTime() < end) {
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
        assertTrue(s.meterSide().plannedReplies() > planned, "no request answered with the 25 alerts within " + bound + " ms board time");
        int after = s.meter().seen().size();
        // the ring of 20 now holds only stored alerts; the poll branch queues BT23 + BT28 again 2 s after the last send
        s.awaitRequests(after + 4, 3 * NEXT_POLL_MS + BenchSession.TIMEOUT_AND_CYCLE_MS);
        if (!s.crashLines().isEmpty()) {
            KnownDefects.ALERT_THEN_PARTIAL_REPLY.report(s.bench(), "the board crashed among 25 alerts: " + s.crashLines().get(0).text());
        }
        long alerts = s.console().lines().stream().skip(from).filter(l -> l.text().equals("Alert sequence (0x0000) received...")).count();
        assertEquals(25, alerts, "every alert logged");
        s.note("25 alerts logged; polling went on (" + (s.meter().seen().size() - after) + " requests after)");
    }

    /** The requests after index {@code before} other than the BT23/BT28 polls, once five have come or the bound passed. */
    static List<Integer> awaitChain(BenchSession s, int before, long boardBound) {
        long end = System.nanoTime() + (long) (boardBound / s.bench().timeScale()) * 1_000_000L;
        List<Integer> chain;
        do {
            chain = s.meter().seen().stream().skip(before).map(BenchMeter.Seen::table)
                    .filter(t -> t != BenchMeter.BT23 && t != BenchMeter.BT28).toList();
            if (chain.size() >= 5 || System.nanoTime() > end) break;
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000L);
        } while (true);
        return chain;
    }
}
