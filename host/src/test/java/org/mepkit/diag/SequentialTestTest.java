package org.mepkit.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SequentialTestTest {

    private static SequentialTest after(TrialOutcome... outcomes) {
        SequentialTest t = SequentialTest.standard();
        for (TrialOutcome o : outcomes) t.add(o);
        return t;
    }

    @Test
    void decidesNothingBeforeTheMinimumTrials() {
        SequentialTest t = after(TrialOutcome.SILENT, TrialOutcome.SILENT, TrialOutcome.SILENT, TrialOutcome.SILENT);
        assertEquals(Optional.empty(), t.decision());
        assertEquals(Verdict.DEAD, t.best());
    }

    @Test
    void fourteenCleanPowerUpsMakeAGoodChip() {
        SequentialTest t = SequentialTest.standard();
        for (int i = 0; i < 13; i++) t.add(TrialOutcome.GOOD);
        assertEquals(Optional.empty(), t.decision(), "13 clean trials are not yet 99 % against FLAKY");
        t.add(TrialOutcome.GOOD);
        assertEquals(Optional.of(Verdict.GOOD), t.decision());
    }

    @Test
    void oneGoodExchangeRulesOutDead() {
        SequentialTest t = after(TrialOutcome.SILENT, TrialOutcome.SILENT, TrialOutcome.SILENT, TrialOutcome.SILENT,
                TrialOutcome.SILENT, TrialOutcome.GOOD);
        assertTrue(t.posterior().get(Verdict.DEAD) < 1e-6, t.posterior().toString());
    }

    @Test
    void mostlyHaywireWithSomeGoodIsBad() {
        SequentialTest t = after(TrialOutcome.GARBAGE, TrialOutcome.BIT_ERRORS, TrialOutcome.GOOD, TrialOutcome.SILENT,
                TrialOutcome.GARBAGE, TrialOutcome.BIT_ERRORS, TrialOutcome.GARBAGE);
        assertEquals(Optional.of(Verdict.BAD), t.decision());
    }

    @Test
    void posteriorSumsToOne() {
        SequentialTest t = after(TrialOutcome.GOOD, TrialOutcome.GARBAGE, TrialOutcome.GOOD);
        assertEquals(1.0, t.posterior().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
    }
}
