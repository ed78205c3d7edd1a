package org.mepkit.serial;

/** The line went away while in use: unplugged, closed by the peer, or an I/O error. */
public final class PortDisconnectedException extends SerialException {

    public PortDisconnectedException(String message) {
        super(message);
    }

    public PortDisconnectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
