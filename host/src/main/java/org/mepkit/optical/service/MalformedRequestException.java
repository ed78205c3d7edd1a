package org.mepkit.optical.service;

/** Request data with a known service code but the wrong layout; a meter answers it with iar. */
public final class MalformedRequestException extends RuntimeException {
    public MalformedRequestException(String message) {
        super(message);
    }
}
