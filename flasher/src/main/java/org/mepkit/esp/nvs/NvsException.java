package org.mepkit.esp.nvs;

/** An NVS image that cannot be built or read; the reason names the broken rule. */
public final class NvsException extends IllegalArgumentException {

    public enum Reason { BAD_SIZE, BAD_KEY, VALUE_TOO_LONG, BAD_VALUE, NO_SPACE, BAD_PAGE, BAD_CRC, BAD_ENTRY, UNKNOWN_KEY }

    private final Reason reason;

    public NvsException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
