package org.mepkit.recovery;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepkit.power.OutputLine;
import org.mepkit.serial.LineSettings;
import org.mepkit.time.ManualTicker;

/** Property: whatever the line reports and however time passes, ENABLE is never on while the MAX3232 is off. */
class EnableInvariantTest {

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.rangeClosed(1, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void enableNeverAssertedWhileMaxIsOff(long seed) throws Exception {
        Random random = new Random(seed);
        ManualTicker ticker = new ManualTicker();
        boolean[] lines = new boolean[2]; // power, enable
        int[] violations = {0};
        OutputLine power = new OutputLine() {
            public String name() { return "MAX"; }
            public void set(boolean on) {
                lines[0] = on;
                if (!on && lines[1]) violations[0]++;
            }
        };
        OutputLine enable = new OutputLine() {
            public String name() { return "ENABLE"; }
            public void set(boolean on) {
                lines[1] = on;
                if (on && !lines[0]) violations[0]++;
            }
        };
        RecoveryPolicy policy = random.nextBoolean() ? RecoveryPolicy.DEFAULT : RecoveryPolicy.LEGACY;
        policy = policy.withMaxCycles(1 + random.nextInt(6))
                .withThresholds(1 + random.nextInt(10), 1 + random.nextInt(3), 1 + random.nextInt(3));
        RecoveryMachine m = new RecoveryMachine(policy, LineSettings.MEP, power, enable, ticker, e -> { });
        m.start();
        for (int step = 0; step < 400; step++) {
            switch (random.nextInt(8)) {
                case 0 -> ticker.advance(Duration.ofMillis(random.nextInt(3000)));
                case 1 -> {
                    if (m.state() == RecoveryState.HEALTHY || m.state() == RecoveryState.PROBE_DUE) {
                        m.onRequestSent(1 + random.nextInt(40), 1 + random.nextInt(600));
                    }
                }
                case 2 -> m.onGoodReply();
                case 3 -> m.onGarbage(random.nextInt(20));
                case 4 -> m.onFramingError();
                case 5 -> m.onAuthAnomaly();
                case 6 -> {
                    if (m.state() == RecoveryState.ESCALATED) {
                        m.reset();
                        m.start();
                    }
                }
                default -> m.nextDeadlineNanos().ifPresent(d ->
                        ticker.advance(Duration.ofNanos(Math.max(0, d - ticker.nanoTime()))));
            }
            m.poll();
            assertFalse(lines[1] && !lines[0], "seed " + seed + " step " + step + ": ENABLE on with MAX off in " + m.state());
            assertTrue(violations[0] == 0, "seed " + seed + " step " + step + ": a call order violated the invariant");
        }
    }
}
