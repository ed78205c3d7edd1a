package org.mepkit.serial;

/** The port does not exist (no such device). */
public final class PortNotFoundException extends SerialException {

    public PortNotFoundException(String message) {
        super(message);
    }

    public PortNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
