package org.mepkit.hil.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mepkit.bench.BenchExtension;
import org.mepkit.bench.BenchMeter;
import org.mepkit.bench.BenchSession;
import org.mepkit.bench.ConsoleMonitor;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.board.VirtualBoard;

@Tag("recovery")
@DisplayName("recovery")
@ExtendWith(BenchExtension.class)
class RecoveryTest {

    @Test
    @DisplayName("meter silent: the board power-cycles after its reply timeout and resends the identical request")
    void meterSilent(BenchSession s) throws Exception {
        s.boot();
        s.awaitRequests(10, s.steadyPollingMs());
        int from = s.console().size();
        s.meter().setSilent(true);
        int before = s.meter().seen().size();
        BenchMeter.Seen missed = s.awaitRequests(before + 1, 5_000).get(before);
        ConsoleMonitor.Line off = s.console().awaitFrom(from, "ENABLE released", "Setting ENABLE pin 0"::equals,
                BenchSession.TIMEOUT_AND_CYCLE_MS);
        s.meter().setSilent(false);
        long timeout = off.atMillis() - missed.atMillis();
        Expected x = Expected.of(s.bench());
        assertTrue(timeout >= x.timeoutMin() && timeout <= x.timeoutMax(), "reply timeout " + timeout + " ms board time ("
                + s.bench().firmware() + " firmware: " + x.timeoutMin() + ".." + x.timeoutMax() + ")");
        // the first retransmission after the cycle (a haywire power-up may garble it; then the board cycles again)
        int cycles = s.bench().max3232().map(BenchSession::cyclesBound).orElse(3);
        long bound = cycles * BenchSession.TIMEOUT_AND_CYCLE_MS;
        BenchMeter.Seen again = awaitResend(s, before + 1, missed, bound);
        if (again.atMillis() - off.atMillis() < BenchSession.TIMEOUT_AND_CYCLE_MS) {
            long cycle = again.atMillis() - off.atMillis();
            assertTrue(cycle >= x.cycleMin() && cycle <= x.cycleMax(), "power cycle took " + cycle + " ms board time ("
                    + s.bench().firmware() + " firmware: " + x.cycleMin() + ".." + x.cycleMax() + ")");
            s.note("timeout " + timeout + " ms, power cycle " + cycle + " ms (board time)");
        } else {
            s.note("timeout " + timeout + " ms; identical resend after " + (again.atMillis() - off.atMillis())
                    + " ms (more than one power cycle)");
        }
        int answered = s.meter().seen().size();
        s.awaitRequests(answered + 3, 15_000);
        assertEnableNeverWithMaxOff(s);
    }

    /** The first request from index {@code from} on that equals {@code missed} byte for byte (same body, same number). */
    static BenchMeter.Seen awaitResend(BenchSession s, int from, BenchMeter.Seen missed, long boardBound) {
        long end = System.nanoTime() + (long) (boardBound / s.bench().timeScale()) * 1_000_000L;
        while (true) {
            List<BenchMeter.Seen> seen = s.meter().seen();
            for (int i = from; i < seen.size(); i++) {
                if (java.util.Arrays.equals(seen.get(i).packet(), missed.packet())) return seen.get(i);
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no identical resend of the unanswered request within " + boardBound
                        + " ms board time (" + (seen.size() - from) + " other transmissions seen)");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
    }

    @Test
    @DisplayName("MAX3232 haywire: the board power-cycles it and resumes within its profile's bound")
    void max3232Haywire(BenchSession s) throws Exception {
        VirtualBoard twin = s.bench().twin().orElse(null);
        Assumptions.assumeTrue(twin != null, "bench has no way to make its MAX3232 misbehave (virtual bench only)");
        Max3232Profile profile = twin.options().max3232();
        Assumptions.assumeTrue(!profile.dead(), "a dead MAX3232 never resumes; nothing to bound");
        int cycles = cyclesBound(profile);
        s.boot();
        s.awaitRequests(10, 30_000 + cycles * BenchSession.TIMEOUT_AND_CYCLE_MS);
        int before = s.meter().seen().size();
        int powerUps = twin.transceiver().powerUps();
        twin.transceiver().goHaywire();
        long bound = cycles * BenchSession.TIMEOUT_AND_CYCLE_MS + 5_000;
        s.awaitRequests(before + 3, bound);
        int used = twin.transceiver().powerUps() - powerUps;
        assertTrue(used >= 1, "the board resumed without power-cycling the MAX3232");
        assertEnableNeverWithMaxOff(s);
        assertEquals(0, twin.transceiver().enableWhileOff(), "ENABLE asserted while the MAX3232 was off");
        s.note(profile.name() + " MAX3232: resumed after " + used + " power cycle(s), bound " + cycles);
    }

    static int cyclesBound(Max3232Profile profile) {
        return BenchSession.cyclesBound(profile);
    }

    /** Reads the console: "Setting ENABLE pin 1" never while the last RS3232 state printed was 0. */
    static void assertEnableNeverWithMaxOff(BenchSession s) {
        boolean max = false;
        boolean enable = false;
        List<ConsoleMonitor.Line> lines = s.console().lines();
        for (ConsoleMonitor.Line l : lines) {
            switch (l.text()) {
                case "Setting RS3232 pin 1" -> max = true;
                case "Setting RS3232 pin 0" -> {
                    max = false;
                    assertTrue(!enable, "MAX3232 switched off with ENABLE asserted at " + l.atMillis() + " ms");
                }
                case "Setting ENABLE pin 1" -> {
                    enable = true;
                    assertTrue(max, "ENABLE asserted with the MAX3232 off at " + l.atMillis() + " ms");
                }
                case "Setting ENABLE pin 0" -> enable = false;
                default -> {
                    if (l.text().startsWith("rst:")) {
                        max = false;
                        enable = false;
                    }
                }
            }
        }
    }
}
