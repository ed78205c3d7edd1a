package org.mepkit.diag;

/** How one power-up trial went. */
public enum TrialOutcome {
    /** The pattern (or probe) came back exactly. */
    GOOD,
    /** The right number of bytes came back with bits flipped. */
    BIT_ERRORS,
    /** Bytes came back, but not the pattern: wrong length or unrelated bytes. */
    GARBAGE,
    /** Nothing came back. */
    SILENT;

    public boolean haywire() {
        return this != GOOD;
    }
}
