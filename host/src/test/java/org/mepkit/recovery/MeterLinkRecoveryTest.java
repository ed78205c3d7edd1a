package org.mepkit.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepkit.mep.client.ClientTimings;
import org.mepkit.mep.client.MeterClient;
import org.mepkit.mep.client.MeterSession;
import org.mepkit.mep.frame.MepProtocolException;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.power.RecordingOutputLine;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.sim.max3232.Max3232Bridge;
import org.mepkit.sim.max3232.Max3232Model;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.ManualTicker;
import org.mepkit.time.SystemTicker;

/** MeterClient with the recovery engine plugged into its LinkListener seam, a flaky MAX3232 between it and the virtual meter. */
class MeterLinkRecoveryTest {

    private static final MbkKey KEY = MbkKey.of("mK7#pQ2v9LxT4wZb8NcR");
    private static final LineSettings FAST_LINE = LineSettings.MEP.withBaud(115200);
    private static final ClientTimings TIMINGS = new ClientTimings(Duration.ofMillis(100), 1.0, 30, 3, Duration.ofMillis(100));

    /** The n-th seed (from 1) whose first power-up is haywire: each run starts with a fault. */
    private static long faultySeed(int n) {
        int found = 0;
        for (long seed = 1; ; seed++) {
            Max3232Model m = new Max3232Model(Max3232Profile.FLAKY, seed, new ManualTicker());
            m.setPowered(true);
            if (m.condition() == Max3232Model.Condition.HAYWIRE && ++found == n) return seed;
        }
    }

    @ParameterizedTest(name = "faulty seed #{0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void theClientReadsTheMeterThroughAFlakyChip(int n) throws Exception {
        long seed = faultySeed(n);
        Max3232Model chip = new Max3232Model(Max3232Profile.FLAKY, seed, SystemTicker.INSTANCE);
        LinePair hostSide = LinePair.create("memory:host", "memory:max3232-ttl", FAST_LINE);
        LinePair meterSide = LinePair.create("memory:max3232-rs232", "memory:meter", FAST_LINE);
        List<RecoveryEvent> events = new CopyOnWriteArrayList<>();
        try (Max3232Bridge bridge = Max3232Bridge.toMeter(chip, hostSide.b(), meterSide.a());
             VirtualMeter meter = new VirtualMeter(meterSide.b(), KEY, MeterProfile.DEFAULT, SystemTicker.INSTANCE,
                     VirtualMeter.Pacing.UNPACED).start()) {
            RecoveryMachine machine = new RecoveryMachine(RecoveryPolicy.DEFAULT, FAST_LINE, chip.supply(),
                    new RecordingOutputLine("ENABLE", SystemTicker.INSTANCE::nanoTime), SystemTicker.INSTANCE, events::add);
            MeterLinkRecovery recovery = new MeterLinkRecovery(machine, SystemTicker.INSTANCE);
            recovery.start();
            MeterClient client = new MeterClient(hostSide.a(), KEY, SystemTicker.INSTANCE, TIMINGS, recovery);
            MeterSession session = new MeterSession(client);
            List<String> failures = new ArrayList<>();
            MeterSession.StartupTables tables = null;
            for (int attempt = 0; attempt < 10 && tables == null; attempt++) {
                try {
                    tables = session.startup();
                } catch (IOException | MepProtocolException e) {
                    // a reader retries: timeouts after all attempts, or a 0x0B caused by bit errors in the request
                    failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            assertNotNull(tables, "seed " + seed + ": no start-up read in 10 tries: " + failures + " events " + events);
            assertEquals("ELON", tables.identity().manufacturer());
            assertNull(recovery.powerFailure());
            assertTrue(chip.haywirePowerUps() >= 1, "seed " + seed + " starts haywire");
            assertTrue(events.stream().anyMatch(e -> e.kind() == RecoveryEvent.Kind.RECOVERED),
                    "seed " + seed + ": " + events);
            assertEquals(Max3232Model.Condition.GOOD, chip.condition(), "seed " + seed);
        } finally {
            hostSide.unplug();
            meterSide.unplug();
        }
    }
}
