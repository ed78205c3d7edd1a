package org.mepkit.serial;

/** The port exists but this user may not open it. */
public final class PortPermissionException extends SerialException {

    public PortPermissionException(String message) {
        super(message);
    }

    public PortPermissionException(String message, Throwable cause) {
        super(message, cause);
    }
}
