package org.mepkit.cli.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;

/** A MAX3232 profile named on the command line. */
class Max3232OptionTest {

    @Test
    void aKnownNameGivesItsProfileInAnyCase() {
        assertEquals("flaky", Max3232Option.profile("flaky").name());
        assertEquals("dead", Max3232Option.profile("DEAD").name());
    }

    @Test
    void anUnknownNameIsAOneLineUsageErrorListingTheKnownOnes() {
        MepException e = assertThrows(MepException.class, () -> Max3232Option.profile("wobbly"));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("'wobbly'") && e.getMessage().contains("genuine, flaky, bad, dead"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
