package org.mepkit.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.power.RecordingOutputLine;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.sim.max3232.Max3232Bridge;
import org.mepkit.sim.max3232.Max3232Model;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.SystemTicker;

/** The meter-probe jig: the simulated chip in front of the virtual meter, real time, in-memory lines. */
class MeterProbeJigTest {

    private static final MbkKey KEY = MbkKey.of("mK7#pQ2v9LxT4wZb8NcR");
    private static final LineSettings LINE = LineSettings.MEP.withBaud(115200);
    private static final TrialTiming FAST = new TrialTiming(Duration.ofMillis(100), Duration.ofMillis(5), 32, Duration.ZERO);

    private ChipDiagnosis.Result diagnose(Max3232Profile profile, long seed, MbkKey clientKey, int[] refusals) throws Exception {
        Max3232Model chip = new Max3232Model(profile, seed, SystemTicker.INSTANCE);
        LinePair host = LinePair.create("host", "ttl", LINE);
        LinePair meterSide = LinePair.create("rs232", "meter", LINE);
        try (Max3232Bridge bridge = Max3232Bridge.toMeter(chip, host.b(), meterSide.a());
             VirtualMeter meter = new VirtualMeter(meterSide.b(), KEY, MeterProfile.DEFAULT, SystemTicker.INSTANCE,
                     VirtualMeter.Pacing.UNPACED).start()) {
            MeterProbeJig jig = new MeterProbeJig(host.a(), chip.supply(),
                    new RecordingOutputLine("ENABLE", SystemTicker.INSTANCE::nanoTime), clientKey, SystemTicker.INSTANCE,
                    FAST, MeterProbeJig.timings(Duration.ofSeconds(1)));
            ChipDiagnosis.Result r = ChipDiagnosis.run(jig, 60, SequentialTest.standard(), t -> { });
            refusals[0] = jig.authRefusals();
            return r;
        } finally {
            host.unplug();
            meterSide.unplug();
        }
    }

    @Test
    void aGenuineChipInFrontOfAMeterIsGood() throws Exception {
        int[] refusals = new int[1];
        ChipDiagnosis.Result r = diagnose(Max3232Profile.GENUINE, 1, KEY, refusals);
        assertEquals(Verdict.GOOD, r.verdict(), r.trials().toString());
        assertEquals(14, r.trials().size(), r.trials().toString());
        assertEquals(0, refusals[0]);
        assertTrue(r.trials().stream().allMatch(t -> t.bitErrors() == -1), "bit errors are unknown against a meter");
    }

    @Test
    void aFlakyChipInFrontOfAMeterIsFlaky() throws Exception {
        int[] refusals = new int[1];
        ChipDiagnosis.Result r = diagnose(Max3232Profile.FLAKY, 3, KEY, refusals);
        assertEquals(Verdict.FLAKY, r.verdict(), "seed 3: " + r.trials());
        assertTrue(r.haywire() >= 1);
    }

    @Test
    void aWrongKeyShowsAsEveryTrialRefused() throws Exception {
        int[] refusals = new int[1];
        ChipDiagnosis.Result r = diagnose(Max3232Profile.GENUINE, 1, MbkKey.of("ABCDEFGHIJKLMNOPQRST"), refusals);
        assertEquals(r.trials().size(), refusals[0], "every probe answered 0x0B: the CLI reports a wrong key");
    }
}
