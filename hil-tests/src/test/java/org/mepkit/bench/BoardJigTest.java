package org.mepkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.mepkit.diag.ChipDiagnosis;
import org.mepkit.diag.SequentialTest;
import org.mepkit.diag.Verdict;
import org.mepkit.serial.SerialLine;
import org.mepkit.sim.max3232.Max3232Profile;

/** The board diagnosis reaches the chip diagnosis's verdicts on virtual boards of known profiles. */
class BoardJigTest {

    ChipDiagnosis.Result diagnose(Max3232Profile profile, long seed) throws Exception {
        try (Bench bench = VirtualBenchFactory.defaults(profile, 20, seed).open(); SerialLine meter = bench.openMeterSide()) {
            return ChipDiagnosis.run(new BoardJig(bench, meter), 60, SequentialTest.standard(), t -> { });
        }
    }

    @Test
    void aGenuineChipIsGood() throws Exception {
        ChipDiagnosis.Result r = diagnose(Max3232Profile.GENUINE, 3);
        assertNull(r.abortedBy());
        assertEquals(Verdict.GOOD, r.verdict(), "after " + r.trials().size() + " power-ups");
        assertEquals(0, r.haywire());
    }

    @Test
    void aDeadChipIsDead() throws Exception {
        ChipDiagnosis.Result r = diagnose(Max3232Profile.DEAD, 3);
        assertEquals(Verdict.DEAD, r.verdict(), "after " + r.trials().size() + " power-ups");
    }
}
