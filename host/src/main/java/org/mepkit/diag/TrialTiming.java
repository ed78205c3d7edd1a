package org.mepkit.diag;

import java.time.Duration;

/**
 * Timings and the pattern of a power-up trial.
 *
 * @param coolOff time off before each power-up: long enough for a hot fake to cool (the fault
 *                model's chip cools with a 0.5 s time constant; 2 s brings it below 2 % of its heat)
 * @param settle  power-on → first byte (charge pump)
 * @param patternBytes bytes sent per exchange
 * @param replyGrace  waited beyond the pattern's wire time for the echo
 */
public record TrialTiming(Duration coolOff, Duration settle, int patternBytes, Duration replyGrace) {

    public static final TrialTiming STANDARD = new TrialTiming(Duration.ofSeconds(2), Duration.ofMillis(50), 32, Duration.ofMillis(300));

    /** The test pattern: every bit position toggles, plus 0x00/0xFF/0x55/0xAA runs. */
    public byte[] pattern() {
        byte[] p = new byte[patternBytes];
        byte[] seed = {0x55, (byte) 0xAA, 0x00, (byte) 0xFF, 0x0F, (byte) 0xF0, 0x33, (byte) 0xCC};
        for (int i = 0; i < p.length; i++) p[i] = (byte) (seed[i % seed.length] ^ (i / seed.length));
        return p;
    }
}
