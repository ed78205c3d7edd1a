package org.mepkit.flash;

/** A flash job refused before the board is touched; the message says which file and which rule. */
public final class FlashPlanException extends IllegalArgumentException {

    public enum Reason { MISSING_FILE, AMBIGUOUS, MISALIGNED, OVERLAP, TOO_LARGE, OUTSIDE_PARTITION, NVS_PROTECTED, BAD_NVS, WRONG_ROLE }

    private final Reason reason;

    public FlashPlanException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
