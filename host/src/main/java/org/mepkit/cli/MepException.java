package org.mepkit.cli;

/**
 * An error meant for the user: the CLI prints {@code mep: <message>} as one line (no stack
 * trace) and exits with {@link #exitCode()}. Library code throws its own typed exceptions;
 * commands translate them into this where the message needs context.
 */
public class MepException extends RuntimeException {

    private final int exitCode;

    public MepException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public MepException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
