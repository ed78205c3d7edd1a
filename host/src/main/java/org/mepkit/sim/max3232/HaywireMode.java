package org.mepkit.sim.max3232;

/** How a MAX3232 misbehaves after a bad power-up. */
public enum HaywireMode {
    /** Outputs stuck: nothing gets through. */
    SILENCE,
    /** Random bytes instead of the traffic. */
    GARBAGE,
    /** The traffic gets through with bits flipped at the profile's rate. */
    BIT_ERRORS
}
