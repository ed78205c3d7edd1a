package org.mepkit.sim.max3232;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mepkit.time.ManualTicker;

class Max3232ModelTest {

    private final ManualTicker ticker = new ManualTicker();
    private final byte[] data = "0123456789abcdef".getBytes();

    /** Power-ups with a long rest in between (cold chip each time); returns the haywire share. */
    private double haywireShare(Max3232Profile profile, long seed, int n) {
        Max3232Model chip = new Max3232Model(profile, seed, ticker);
        int haywire = 0;
        for (int i = 0; i < n; i++) {
            chip.setPowered(true);
            if (chip.condition() != Max3232Model.Condition.GOOD) haywire++;
            ticker.advance(Duration.ofMillis(50));
            chip.setPowered(false);
            ticker.advance(Duration.ofSeconds(10));
        }
        return haywire / (double) n;
    }

    @ParameterizedTest(name = "{0} about {1}")
    @CsvSource({"genuine,0.0,0.0", "flaky,0.3,0.03", "bad,0.9,0.03", "dead,1.0,0.0"})
    void coldPowerUpsGoHaywireAtTheProfileRate(String name, double expected, double tolerance) {
        double share = haywireShare(Max3232Profile.named(name), 42, 2000);
        assertEquals(expected, share, tolerance, name + " seed 42");
    }

    @Test
    void onceGoodItStaysGoodAndPassesBytesUnchanged() {
        Max3232Model chip = new Max3232Model(Max3232Profile.GENUINE, 1, ticker);
        chip.setPowered(true);
        for (int i = 0; i < 100; i++) {
            ticker.advance(Duration.ofSeconds(30));
            assertArrayEquals(data, chip.pass(data));
        }
        assertEquals(Max3232Model.Condition.GOOD, chip.condition());
    }

    @Test
    void switchedOffItPassesNothingAndDeadNeverAnswers() {
        Max3232Model chip = new Max3232Model(Max3232Profile.GENUINE, 1, ticker);
        assertEquals(0, chip.pass(data).length);
        Max3232Model dead = new Max3232Model(Max3232Profile.DEAD, 1, ticker);
        dead.setPowered(true);
        assertEquals(0, dead.pass(data).length);
        assertEquals(Max3232Model.Condition.DEAD, dead.condition());
    }

    /** Haywire for 20 s, then off for {@code rest}, then on again: the second power-up's condition. */
    private Max3232Model.Condition secondPowerUp(long seed, Duration rest) {
        ManualTicker t = new ManualTicker();
        Max3232Model chip = new Max3232Model(Max3232Profile.FLAKY, seed, t);
        chip.setPowered(true);
        if (chip.condition() != Max3232Model.Condition.HAYWIRE) return null;
        t.advance(Duration.ofSeconds(20));
        chip.setPowered(false);
        t.advance(rest);
        chip.setPowered(true);
        return chip.condition();
    }

    @Test
    void aHotChipComesUpHaywireAgainUnlessOffLongEnough() {
        int compared = 0;
        for (long seed = 1; compared < 20; seed++) {
            Max3232Model.Condition rested = secondPowerUp(seed, Duration.ofSeconds(10));
            if (rested != Max3232Model.Condition.GOOD) continue;
            compared++;
            assertEquals(Max3232Model.Condition.HAYWIRE, secondPowerUp(seed, Duration.ofMillis(100)),
                    "seed " + seed + ": same draws, but 100 ms off after 20 s haywire is too short to cool");
        }
    }

    @Test
    void heatRisesWhileHaywireAndFallsWhileOff() {
        Max3232Model chip = new Max3232Model(Max3232Profile.FLAKY.withHaywire(1.0), 3, ticker);
        chip.setPowered(true);
        ticker.advance(Duration.ofSeconds(20));
        chip.setPowered(false);
        assertTrue(chip.heat() > 0.9, "20 s haywire heats it: " + chip.heat());
        ticker.advance(Duration.ofMillis(100));
        assertTrue(chip.heat() >= 0.3, "100 ms is not enough to cool: " + chip.heat());
        ticker.advance(Duration.ofSeconds(2));
        assertTrue(chip.heat() < 0.3, "2 s off cools it: " + chip.heat());
    }

    @Test
    void theSameSeedGivesTheSamePowerUpsWhateverTheTraffic() {
        List<Max3232Model.Condition> quiet = new ArrayList<>();
        List<Max3232Model.Condition> busy = new ArrayList<>();
        Max3232Model a = new Max3232Model(Max3232Profile.FLAKY, 77, ticker);
        Max3232Model b = new Max3232Model(Max3232Profile.FLAKY, 77, ticker);
        for (int i = 0; i < 200; i++) {
            a.setPowered(true);
            b.setPowered(true);
            for (int k = 0; k < i % 5; k++) b.pass(data);
            quiet.add(a.condition());
            busy.add(b.condition());
            a.setPowered(false);
            b.setPowered(false);
            ticker.advance(Duration.ofSeconds(5));
        }
        assertEquals(quiet, busy);
    }

    @Test
    void bitErrorModeFlipsBitsAtRoughlyTheRate() {
        Max3232Profile onlyBits = new Max3232Profile("bits", 1.0, false, 0, 0, 1, 0.02,
                Duration.ofSeconds(5), Duration.ofMillis(500), 0.3);
        Max3232Model chip = new Max3232Model(onlyBits, 11, ticker);
        chip.setPowered(true);
        assertEquals(HaywireMode.BIT_ERRORS, chip.mode());
        byte[] zeros = new byte[10_000];
        byte[] out = chip.pass(zeros);
        int ones = 0;
        for (byte b : out) ones += Integer.bitCount(b & 0xFF);
        assertEquals(0.02, ones / 80_000.0, 0.003, "seed 11");
    }
}
