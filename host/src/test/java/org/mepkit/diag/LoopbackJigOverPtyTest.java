package org.mepkit.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyTesting;
import org.mepkit.serial.pty.SocatPair;
import org.mepkit.sim.max3232.Max3232Bridge;
import org.mepkit.sim.max3232.Max3232Model;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.time.SystemTicker;

/** The real-jig code path over a pty pair: the simulated chip behind a loopback, its supply driven through the interface. */
class LoopbackJigOverPtyTest {

    private static final TrialTiming FAST = new TrialTiming(Duration.ofMillis(100), Duration.ofMillis(10), 32, Duration.ofMillis(200));

    @Test
    void aGenuineChipIsGoodOverARealLine() throws Exception {
        Max3232Model chip = new Max3232Model(Max3232Profile.GENUINE, 1, SystemTicker.INSTANCE);
        try (SocatPair pair = PtyTesting.socatPair();
             SerialLine host = JscPorts.open(pair.pathA().toString(), LineSettings.MEP);
             SerialLine chipSide = JscPorts.open(pair.pathB().toString(), LineSettings.MEP);
             Max3232Bridge bridge = Max3232Bridge.loopback(chip, chipSide)) {
            ChipDiagnosis.Result r = ChipDiagnosis.run(new LoopbackJig(host, chip.supply(), SystemTicker.INSTANCE, FAST),
                    60, SequentialTest.standard(), t -> { });
            assertEquals(Verdict.GOOD, r.verdict(), r.trials().toString());
            assertTrue(r.converged());
            assertNull(r.abortedBy());
            assertTrue(r.firstGoodNanos() > 0);
        }
    }

    @Test
    void thePortVanishingMidDiagnosisKeepsEveryTrialDone() throws Exception {
        Max3232Model chip = new Max3232Model(Max3232Profile.FLAKY, 2, SystemTicker.INSTANCE);
        try (SocatPair pair = PtyTesting.socatPair();
             SerialLine host = JscPorts.open(pair.pathA().toString(), LineSettings.MEP);
             SerialLine chipSide = JscPorts.open(pair.pathB().toString(), LineSettings.MEP);
             Max3232Bridge bridge = Max3232Bridge.loopback(chip, chipSide)) {
            ChipDiagnosis.Result r = ChipDiagnosis.run(new LoopbackJig(host, chip.supply(), SystemTicker.INSTANCE, FAST),
                    60, new SequentialTest(0.999999, 60), t -> {
                        if (t.index() == 3) {
                            try {
                                pair.unplug();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
            assertEquals(3, r.trials().size(), "the three trials before the unplug are kept");
            assertEquals(ChipDiagnosis.Fault.PORT, r.fault());
            assertNotNull(r.abortedBy());
            assertNotNull(r.verdict(), "a partial verdict from the trials done");
            assertTrue(r.abortedBy().contains("went away"), r.abortedBy());
        }
    }
}
