package org.mepkit.serial;

import java.io.IOException;

/** A fault of a serial line or port, with a message fit to show a user as one line. */
public sealed class SerialException extends IOException
        permits PortNotFoundException, PortBusyException, PortPermissionException,
                PortDisconnectedException, UnsupportedLineFeatureException {

    public SerialException(String message) {
        super(message);
    }

    public SerialException(String message, Throwable cause) {
        super(message, cause);
    }
}
