package org.mepkit.hil.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mepkit.bench.BenchExtension;
import org.mepkit.bench.BenchMeter;
import org.mepkit.bench.BenchSession;
import org.mepkit.bench.MeterValues;

@Tag("robustness")
@DisplayName("robustness")
@ExtendWith(BenchExtension.class)
class RobustnessTest {

    @Test
    @DisplayName("garbage on the line is dropped with a hex dump and polling goes on")
    void garbage(BenchSession s) throws Exception {
        s.boot();
        s.awaitRequests(10, s.steadyPollingMs());
        int from = s.console().size();
        s.meterSide().send(new byte[] {(byte) 0xFF, 0x13, 0x37});
        s.console().awaitFrom(from, "a dump holding the garbage", t -> t.startsWith("0x") && t.contains("FF1337"),
                BenchSession.TIMEOUT_AND_CYCLE_MS);
        int after = s.meter().seen().size();
        s.awaitRequests(after + 3, BenchSession.TIMEOUT_AND_CYCLE_MS + 5_000);
    }

    @Test
    @DisplayName("wrong key: the meter's authentication failure is final, no request storm")
    void wrongKey(BenchSession s) throws Exception {
        s.boot(new BenchMeter("Wr0ngKeyWr0ngKey0000", MeterValues.sample(), 0));
        BenchMeter.Seen first = s.awaitRequests(1, BenchSession.BOOT_TO_FIRST_REQUEST_MS).get(0);
        assertTrue(!first.digestOk(), "digest unexpectedly valid for the wrong key");
        assertEquals(0x0B, first.replyCode());
        s.idle(30_000);
        java.util.List<BenchMeter.Seen> seen = s.meter().seen();
        long failures = seen.stream().filter(r -> r.replyCode() == 0x0B).count();
        s.note("authentication failures: " + failures + " in " + seen.size() + " request(s) over 30 s board time");
        // the firmware takes 0x0B as final: nothing new is queued; only a reply lost on the way back
        // (a haywire MAX3232) makes it resend the same bytes, at most once per 10 s timeout + 3 s cycle
        assertTrue(seen.stream().allMatch(r -> java.util.Arrays.equals(r.packet(), first.packet())),
                "after an authentication failure the board sent other requests (firmware: none)");
        assertTrue(seen.size() <= 1 + 30_000 / BenchSession.TIMEOUT_AND_CYCLE_MS,
                "request storm: " + seen.size() + " requests in 30 s board time");
        if (s.bench().max3232().map(p -> p.haywire() == 0).orElse(false)) {
            assertEquals(1, seen.size(), "requests after an authentication failure on a sound link (firmware: none)");
        }
    }
}
