package org.mepkit.serial;

/** The port lacks a feature that was asked for, e.g. DTR on a pseudo-terminal. */
public final class UnsupportedLineFeatureException extends SerialException {

    public UnsupportedLineFeatureException(String message) {
        super(message);
    }

    public UnsupportedLineFeatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
