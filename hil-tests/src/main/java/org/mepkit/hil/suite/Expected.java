package org.mepkit.hil.suite;

import org.mepkit.bench.Bench;
import org.mepkit.bench.BenchSession;

/**
 * The board-time bounds the suite checks, per firmware. {@code dabbler} from upstream's source (6681de7), each
 * delay ± the bench's observation jitter (lines and requests are stamped when seen, 200 ms down), plus one loop pass
 * up ({@link BenchSession#LOOP_MARGIN_MS} - 500 ms where only logging can hold the pass up):
 * <ul>
 *   <li>MAX3232 on → ENABLE on: the {@code delay(1000)} at NES-MEP-UI.ino:203: 1000 - 200 .. 1000 + 500;</li>
 *   <li>reply timeout: "more than 10 000 ms" checked once per pass (:298): 10 000 - 500 .. 10 000 + 1000;</li>
 *   <li>power cycle, ENABLE off → identical resend: 3 × {@code delay(1000)} (:305-309) + the resend's wire time
 *       (≤ 40 ms): 3000 - 300 .. 3000 + 600;</li>
 *   <li>a dashboard poll's wait: {@code handleClient()} runs once per pass (:288), the power cycle blocks it for
 *       3 × 1000 ms: at most 3000 + LOOP_MARGIN_MS;</li>
 *   <li>"Connected to" → first request: mDNS, web server, SPIFFS, then {@code delay(1000)} twice (:190-205) and
 *       the first pass: 2000 - 200 .. 2000 + LOOP_MARGIN_MS.</li>
 * </ul>
 * {@code spec} follows mepkit's recovery spec (RecoveryPolicy.DEFAULT: 20 ms settles, a reply timeout derived from
 * wire time, cool-off from 250 ms with backoff, no blocking delay in the loop: a poll waits one pass).
 */
record Expected(long enableAfterMaxMin, long enableAfterMaxMax, long timeoutMin, long timeoutMax, long cycleMin,
                long cycleMax, long httpLatencyMax, long connectedToRequestMin, long connectedToRequestMax) {

    static Expected of(Bench bench) {
        if ("spec".equals(bench.firmware())) {
            return new Expected(15, 300, 1, 3_000, 200, 5_000, BenchSession.LOOP_MARGIN_MS, 0, 300 + BenchSession.LOOP_MARGIN_MS);
        }
        return new Expected(1_000 - 200, 1_000 + 500, 10_000 - 500, 10_000 + 1_000, 3_000 - 300, 3_000 + 600,
                3_000 + BenchSession.LOOP_MARGIN_MS, 2_000 - 200, 2_000 + BenchSession.LOOP_MARGIN_MS);
    }
}
