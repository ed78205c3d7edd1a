package org.mepkit.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mepkit.mep.client.ClientTimings;
import org.mepkit.mep.client.LinkCounters;
import org.mepkit.mep.client.MeterClient;
import org.mepkit.mep.client.MeterSession;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.sim.meter.LoadModel;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.PhaseLoad;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.SystemTicker;
import org.mepkit.watch.guard.MeterRating;
import org.mepkit.watch.guard.SpikeGuard;

/** The watcher's MEP reader against the virtual meter on an in-memory cable. */
class WatchEndToEndTest {

    private static final MbkKey KEY = MbkKey.of("E2E-Key-0123456789ab");

    /** Watches {@code profile}'s virtual meter every {@code interval} until {@code done} says so. */
    private static List<Sample> watch(MeterProfile profile, Duration interval, Predicate<List<Sample>> done) {
        LinePair cable = LinePair.create("memory:host", "memory:meter", LineSettings.MEP);
        List<Sample> seen = new ArrayList<>();
        try (VirtualMeter meter = new VirtualMeter(cable.b(), KEY, profile, SystemTicker.INSTANCE, VirtualMeter.Pacing.UNPACED).start()) {
            MepWatchReader reader = new MepWatchReader(new MeterSession(new MeterClient(cable.a(), KEY, SystemTicker.INSTANCE,
                    ClientTimings.DEFAULT, new LinkCounters())));
            Watcher w = new Watcher(() -> Watcher.Connection.of(reader, () -> { }), new SpikeGuard(MeterRating.DEFAULT),
                    SystemTicker.INSTANCE, Clock.systemUTC(), interval, List.of(seen::add), e -> { });
            w.run(() -> done.test(seen));
        }
        return seen;
    }

    @Test
    @DisplayName("a real rollover: the meter's 32-bit register wraps to 0 and the published count goes on past 2^32")
    void registerRollover() {
        // 3 x 20 kW (87 A per phase: within the default 100 A rating) is 16.7 Wh/s: 2^32 - 40 Wh wraps after about 2.4 s
        List<PhaseLoad> heavy = List.of(new PhaseLoad(20_000, 0, 230_000, 1000), new PhaseLoad(20_000, 0, 230_000, 1000),
                new PhaseLoad(20_000, 0, 230_000, 1000));
        MeterProfile profile = MeterProfile.DEFAULT.withLoad(new LoadModel(heavy, (1L << 32) - 40, 0, 50_000));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Sample> seen = watch(profile, Duration.ofMillis(100), l -> System.nanoTime() > deadline
                || !l.isEmpty() && l.get(l.size() - 1).verdict().forwardWh() > (1L << 32) + 20);
        List<Sample> published = seen.stream().filter(Sample::accepted).toList();
        Sample last = published.get(published.size() - 1);
        assertTrue(last.verdict().forwardWh() > 1L << 32, "published past 2^32: " + last.verdict().forwardWh());
        assertTrue(last.reading().forwardActiveWh() >= 0 && last.reading().forwardActiveWh() < 100,
                "the meter's register itself wrapped: " + last.reading().forwardActiveWh());
        for (int i = 1; i < published.size(); i++) {
            assertTrue(published.get(i).verdict().forwardWh() >= published.get(i - 1).verdict().forwardWh(), "never backwards");
        }
        assertEquals(0, seen.stream().filter(s -> s.verdict().status() == org.mepkit.watch.guard.GuardVerdict.Status.HELD).count());
    }

    @Test
    @DisplayName("BT28's head is read most of the time, the whole table every 10th time; every reading has every value")
    void headAndWholeReads() {
        List<Sample> seen = watch(MeterProfile.DEFAULT, Duration.ZERO, l -> l.size() >= 12);
        for (Sample s : seen) {
            assertEquals(850, s.values().get("fwd_w"), "the meter's total is net over the phases (L3 exports 800 W)");
            assertEquals(231_000, s.values().get("l1_rms_v_avg"), "the averages are kept from the last whole read");
            assertEquals(1200, s.values().get("l1_fwd_avg_w"));
        }
        assertEquals(11, seen.stream().filter(Sample::accepted).count());
    }
}
