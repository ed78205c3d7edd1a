package org.mepkit.power;

import java.io.IOException;

/** An output line could not be driven: no such line, the tool failed, or the port has no modem lines. */
public final class PowerException extends IOException {

    public enum Reason {
        /** The port or host has no such output (DTR on a pty, gpioset not installed). */
        UNAVAILABLE,
        /** The output exists but driving it failed. */
        FAILED
    }

    private final Reason reason;

    public PowerException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PowerException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
