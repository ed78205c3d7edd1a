package org.mepkit.watch.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mepkit.reading.Reading;
import org.mepkit.time.ManualTicker;
import org.mepkit.watch.TestReadings;
import org.mepkit.watch.guard.GuardVerdict.Status;

class SpikeGuardTest {

    private final ManualTicker clock = new ManualTicker();
    private final SpikeGuard guard = new SpikeGuard(MeterRating.DEFAULT);
    private final List<Long> published = new ArrayList<>();


    private GuardVerdict after(Duration wait, Reading r) {
        clock.advance(wait);
        GuardVerdict v = guard.check(r, clock.nanoTime());
        if (v.accepted()) {
            if (!published.isEmpty()) assertTrue(v.forwardWh() >= published.get(published.size() - 1), "never backwards");
            published.add(v.forwardWh());
        }
        return v;
    }

    private void started(long fwdWh) {
        assertEquals(Status.CONFIRMING, after(Duration.ZERO, TestReadings.reading(fwdWh, 500)).status());
        assertEquals(Status.ACCEPTED, after(Duration.ofMillis(300), TestReadings.reading(fwdWh, 500)).status());
    }

    @Test
    @DisplayName("nothing is published until two samples agree; a glitched first sample does not become the baseline")
    void confirmsTheFirstSample() {
        assertEquals(Status.CONFIRMING, after(Duration.ZERO, TestReadings.reading(0, 0)).status());
        GuardVerdict second = after(Duration.ofMillis(300), TestReadings.reading(117_000_000, 500));
        assertEquals(Status.CONFIRMING, second.status());
        assertTrue(second.reason().contains("disagree"), second.reason());
        GuardVerdict third = after(Duration.ofMillis(300), TestReadings.reading(117_000_000, 500));
        assertEquals(Status.ACCEPTED, third.status());
        assertEquals(117_000_000, third.forwardWh());
    }

    @Test
    @DisplayName("a single zero is held, and the next true reading is published")
    void singleZero() {
        started(117_000_000);
        GuardVerdict zero = after(Duration.ofMillis(300), TestReadings.reading(0, 500));
        assertEquals(Status.HELD, zero.status());
        assertTrue(zero.reason().contains("went back from 117000000 to 0"), zero.reason());
        GuardVerdict next = after(Duration.ofMillis(300), TestReadings.reading(117_000_001, 500));
        assertEquals(Status.ACCEPTED, next.status());
        assertEquals(List.of(117_000_000L, 117_000_001L), published);
    }

    @Test
    @DisplayName("a single huge value is held as faster than the rating allows")
    void singleHugeValue() {
        started(1_234_567);
        GuardVerdict huge = after(Duration.ofMillis(300), TestReadings.reading(2_000_000_000, 500));
        assertEquals(Status.HELD, huge.status());
        assertTrue(huge.reason().contains("more than the meter's rating allows"), huge.reason());
        assertEquals(Status.ACCEPTED, after(Duration.ofMillis(300), TestReadings.reading(1_234_568, 500)).status());
        assertEquals(List.of(1_234_567L, 1_234_568L), published);
    }

    @Test
    @DisplayName("a lower value is held, on either register")
    void lowerValue() {
        started(1_234_567);
        assertEquals(Status.HELD, after(Duration.ofMillis(300), TestReadings.reading(1_234_500, 500)).status());
        GuardVerdict rev = after(Duration.ofMillis(300), TestReadings.reading(1_234_567, 499));
        assertEquals(Status.HELD, rev.status());
        assertTrue(rev.reason().startsWith("Rev_Act_Wh went back"), rev.reason());
    }

    @Test
    @DisplayName("a stuck decoder repeating an old table is held until fresh tables come again")
    void stuckDecoder() {
        started(1_000_000);
        Reading old = TestReadings.reading(1_000_000, 500);
        for (int i = 1; i <= 10; i++) assertTrue(after(Duration.ofSeconds(60), TestReadings.reading(1_000_000 + 40L * i, 500)).accepted());
        for (int i = 0; i < 20; i++) {
            GuardVerdict v = after(Duration.ofMillis(300), old);
            assertEquals(Status.HELD, v.status());
        }
        assertTrue(after(Duration.ofMillis(300), TestReadings.reading(1_000_401, 500)).accepted());
        assertEquals(1_000_401L, published.get(published.size() - 1));
    }

    @Test
    @DisplayName("the 32-bit register's rollover continues the published count instead of going back")
    void rollover() {
        long top = SpikeGuard.REGISTER_MODULUS - 3;
        started(top);
        GuardVerdict wrapped = after(Duration.ofSeconds(1), TestReadings.reading(4, 500));   // 7 Wh in 1 s: allowed
        assertEquals(Status.ACCEPTED, wrapped.status());
        assertEquals(SpikeGuard.REGISTER_MODULUS + 4, wrapped.forwardWh());
        assertTrue(after(Duration.ofSeconds(1), TestReadings.reading(10, 500)).accepted());
        assertEquals(SpikeGuard.REGISTER_MODULUS + 10, published.get(published.size() - 1));
    }

    @Test
    @DisplayName("a wrap the rating cannot explain is a jump back, not a rollover")
    void falseRollover() {
        started(2_000_000_000);
        GuardVerdict v = after(Duration.ofSeconds(1), TestReadings.reading(5, 500));
        assertEquals(Status.HELD, v.status());
        assertTrue(v.reason().contains("went back"), v.reason());
    }

    @Test
    @DisplayName("the rate bound counts from the last published sample: a legitimate step passes once time allows it")
    void rateBound() {
        started(1_000_000);
        // 76 kW is 21.1 Wh/s: 100 Wh after 1 s is too fast, the same register 5 s after the last published sample is not
        assertEquals(Status.HELD, after(Duration.ofSeconds(1), TestReadings.reading(1_000_100, 500)).status());
        assertEquals(Status.HELD, after(Duration.ofSeconds(2), TestReadings.reading(1_000_100, 500)).status());
        assertEquals(Status.ACCEPTED, after(Duration.ofSeconds(2), TestReadings.reading(1_000_100, 500)).status());
    }

    @Test
    @DisplayName("a smaller rating is a tighter bound")
    void ratingIsConfigurable() {
        SpikeGuard small = new SpikeGuard(MeterRating.DEFAULT.withMaxCurrent(16));   // 12.1 kW, 3.4 Wh/s
        small.check(TestReadings.reading(1000, 0), 0);
        small.check(TestReadings.reading(1000, 0), 1_000_000_000L);
        assertFalse(small.check(TestReadings.reading(1010, 0), 2_000_000_000L).accepted());
        assertTrue(small.check(TestReadings.reading(1004, 0), 2_000_000_000L).accepted());
    }

    @Test
    @DisplayName("the power total must match the phases; a zero total with loaded phases is held")
    void powerBalance() {
        started(1_000_000);
        GuardVerdict zero = after(Duration.ofMillis(300), TestReadings.reading(1_000_000, 500, 0, 800));
        assertEquals(Status.HELD, zero.status());
        assertTrue(zero.reason().contains("does not match the phases"), zero.reason());
        assertTrue(after(Duration.ofMillis(300), TestReadings.reading(1_000_000, 500, 1202, 800)).accepted(), "3 W of rounding is fine");
        assertEquals(Status.HELD, after(Duration.ofMillis(300), TestReadings.reading(1_000_000, 500, 1200, -5)).status());
        assertEquals(Status.HELD, after(Duration.ofMillis(300), TestReadings.reading(1_000_000, 500, 900_000, 0)).status());
    }

    @Test
    @DisplayName("without per-phase power (the optical BT28) only the registers and the rating are checked")
    void noPhases() {
        List<Reading.Phase> phases = List.of(new Reading.Phase(1, 230_000, 5_200, null, null),
                new Reading.Phase(2, null, null, null, null), new Reading.Phase(3, null, null, null, null));
        Reading optical = new Reading("optical", new Reading.Identity("ELON", "M", "1.0", "SN", null), 5000, 0, 999, 0,
                phases, List.of());
        guard.check(optical, 0);
        assertTrue(guard.check(optical, 300_000_000L).accepted());
    }
}
