package org.mepkit.diag;

/** What a chip diagnosis concludes. */
public enum Verdict {
    GOOD("comes up working at (nearly) every power-up"),
    FLAKY("often comes up haywire but recovers with a power cycle: fit R4 (MAX3232 powered from GPIO32)"),
    BAD("comes up haywire at most power-ups: replace the MAX3232"),
    DEAD("never answered: replace the MAX3232 (or check the jig wiring and the loopback jumper)");

    private final String advice;

    Verdict(String advice) {
        this.advice = advice;
    }

    public String advice() {
        return advice;
    }

    /** GOOD and FLAKY chips can be used (FLAKY with the R4 power-cycle option). */
    public boolean usable() {
        return this == GOOD || this == FLAKY;
    }
}
