package org.mepkit.optical.service;

import org.mepkit.optical.OpticalException;

/** A response whose bytes do not fit its service: too short, a count that disagrees, a bad table checksum. */
public final class ResponseFormatException extends OpticalException {
    public ResponseFormatException(String message) {
        super(message);
    }
}
