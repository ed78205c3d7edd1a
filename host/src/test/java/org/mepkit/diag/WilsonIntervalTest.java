package org.mepkit.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    @Test
    void matchesPublishedValues() {
        // 3 of 10 at 95 %: 0.1078 .. 0.6032 (Wilson 1927, also in Newcombe 1998 table)
        WilsonInterval ci = WilsonInterval.of95(3, 10);
        assertEquals(0.1078, ci.lower(), 1e-4);
        assertEquals(0.6032, ci.upper(), 1e-4);
        // 0 of 20: upper = z^2 / (n + z^2) = 0.1611
        WilsonInterval zero = WilsonInterval.of95(0, 20);
        assertEquals(0.0, zero.lower(), 1e-12);
        assertEquals(0.1611, zero.upper(), 1e-4);
        WilsonInterval all = WilsonInterval.of95(20, 20);
        assertEquals(1.0, all.upper(), 1e-12);
        assertEquals(1 - 0.1611, all.lower(), 1e-4);
    }

    @Test
    void noTrialsMeansNoInformation() {
        assertEquals(new WilsonInterval(0, 1), WilsonInterval.of95(0, 0));
    }

    @Test
    void impossibleCountsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of95(5, 4));
        assertThrows(IllegalArgumentException.class, () -> WilsonInterval.of95(-1, 4));
    }

    @Test
    void coversTheTrueRateAboutNinetyFivePercentOfTheTime() {
        Random random = new Random(2024);
        for (double p : new double[] {0.1, 0.3, 0.5, 0.9}) {
            int covered = 0;
            int runs = 4000;
            for (int run = 0; run < runs; run++) {
                int k = 0;
                for (int i = 0; i < 40; i++) if (random.nextDouble() < p) k++;
                WilsonInterval ci = WilsonInterval.of95(k, 40);
                if (ci.lower() <= p && p <= ci.upper()) covered++;
            }
            double coverage = covered / (double) runs;
            assertTrue(coverage > 0.92 && coverage < 0.99, "seed 2024, p=" + p + ": coverage " + coverage);
        }
    }
}
