package org.mepkit.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mepkit.serial.LineSettings;
import org.mepkit.sim.max3232.Max3232Profile;

/** Over many seeds, each fault-model profile gets its verdict at the test's stated 95 % confidence. */
class ChipDiagnosisVirtualTest {

    private static final int SEEDS = 400;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"genuine,GOOD,14", "flaky,FLAKY,20", "bad,BAD,10", "dead,DEAD,6"})
    void eachProfileGetsItsVerdict(String profile, Verdict expected, int maxMedianTrials) {
        int right = 0;
        List<Integer> lengths = new ArrayList<>();
        List<Long> wrongSeeds = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            ChipDiagnosis.Result r = ChipDiagnosis.run(
                    new VirtualJig(Max3232Profile.named(profile), seed, TrialTiming.STANDARD, LineSettings.MEP),
                    60, SequentialTest.standard(), t -> { });
            if (r.verdict() == expected) right++;
            else wrongSeeds.add(seed);
            lengths.add(r.trials().size());
        }
        lengths.sort(null);
        double share = right / (double) SEEDS;
        assertTrue(share >= 0.95, profile + ": right in " + right + "/" + SEEDS + "; wrong seeds " + wrongSeeds);
        assertTrue(lengths.get(SEEDS / 2) <= maxMedianTrials, profile + ": median trials " + lengths.get(SEEDS / 2));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"genuine,14", "dead,6"})
    void genuineAndDeadConvergeInFewTrials(String profile, int trials) {
        for (long seed = 1; seed <= 50; seed++) {
            ChipDiagnosis.Result r = ChipDiagnosis.run(
                    new VirtualJig(Max3232Profile.named(profile), seed, TrialTiming.STANDARD, LineSettings.MEP),
                    60, SequentialTest.standard(), t -> { });
            assertTrue(r.converged(), "seed " + seed);
            assertEquals(trials, r.trials().size(), "seed " + seed);
        }
    }
}
