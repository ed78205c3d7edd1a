package org.mepkit.serial;

/** Another program (or another mepkit) has the port open. */
public final class PortBusyException extends SerialException {

    public PortBusyException(String message) {
        super(message);
    }

    public PortBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
