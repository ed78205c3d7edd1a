package org.mepkit.hil.suite;

import org.mepkit.bench.Bench;

/**
 * The board-time bounds the suite checks, per firmware: {@code dabbler} has the upstream figures
 * (board-firmware-behaviour.md §3, §4.4: ENABLE 1000 ms after the MAX3232, reply timeout just over 10 s, 3 s
 * power cycle); {@code spec} follows mepkit's recovery spec (RecoveryPolicy.DEFAULT: 20 ms settles, a reply
 * timeout derived from wire time, cool-off from 250 ms with backoff).
 */
record Expected(long enableAfterMaxMin, long enableAfterMaxMax, long timeoutMin, long timeoutMax, long cycleMin,
                long cycleMax) {

    static Expected of(Bench bench) {
        if ("spec".equals(bench.firmware())) return new Expected(15, 300, 1, 3_000, 200, 5_000);
        return new Expected(800, 1_500, 9_500, 11_000, 2_700, 3_600);
    }
}
