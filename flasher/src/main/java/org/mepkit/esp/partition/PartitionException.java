package org.mepkit.esp.partition;

/** A partition table or flash layout that must not be flashed. */
public final class PartitionException extends IllegalArgumentException {

    public enum Reason { BAD_TABLE, BAD_MD5, MISALIGNED, OVERLAP, OUT_OF_FLASH, TOO_LARGE, MISSING }

    private final Reason reason;

    public PartitionException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
