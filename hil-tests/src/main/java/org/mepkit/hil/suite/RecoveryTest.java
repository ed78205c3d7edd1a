package org.mepkit.hil.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    @DisplayName("meter silent: the board power-cycles after 10 s and resends the identical request")
    void meterSilent(BenchSession s) throws Exception {
        s.boot();
        s.awaitRequests(10, 30_000);
        int from = s.console().size();
        s.meter().setSilent(true);
        int before = s.meter().seen().size();
        BenchMeter.Seen missed = s.awaitRequests(before + 1, 5_000).get(before);
        ConsoleMonitor.Line off = s.console().awaitFrom(from, "ENABLE released", "Setting ENABLE pin 0"::equals,
                BenchSession.TIMEOUT_AND_CYCLE_MS);
        s.meter().setSilent(false);
        long timeout = off.atMillis() - missed.atMillis();
        assertTrue(timeout >= 9_500 && timeout <= 11_000, "reply timeout " + timeout + " ms board time (firmware: >10 s)");
        BenchMeter.Seen again = s.awaitRequests(before + 2, 5_000).get(before + 1);
        assertArrayEquals(missed.body(), again.body(), "the same request is resent");
        assertEquals(missed.sequence(), again.sequence(), "with the same sequence number");
        long cycle = again.atMillis() - off.atMillis();
        assertTrue(cycle >= 2_700 && cycle <= 3_600, "power cycle took " + cycle + " ms board time (firmware: 3 s)");
        s.awaitRequests(before + 5, 15_000);
        assertEnableNeverWithMaxOff(s);
        s.note("timeout " + timeout + " ms, power cycle " + cycle + " ms (board time)");
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
