package org.mepkit.spec;

/** A board support resource is missing or malformed: a defect of the build, not of user input. */
public final class SpecException extends RuntimeException {

    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
