package org.mepkit.cli;

/**
 * The exit codes of {@code mep}, documented in the README. Each failure class has its own
 * code so scripts and benches can tell them apart.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** The command ran but its verdict is negative (a test failed, a chip is BAD, a check found problems). */
    public static final int VERDICT_FAILED = 1;
    /** Wrong usage: unknown option, contradictory options, malformed argument (picocli's own code). */
    public static final int USAGE = 2;
    /** Input data is invalid: bad hex, malformed frame, corrupt image, over-long value. */
    public static final int BAD_INPUT = 3;
    /** A port or device could not be opened or went away. */
    public static final int PORT = 4;
    /** The device answered, but not as the protocol says (timeouts, bad frames, error codes). */
    public static final int PROTOCOL = 5;
    /** The meter refused our digest: wrong MBK key. */
    public static final int AUTHENTICATION = 6;
    /** A required external tool (esptool, socat, kicad-cli) is missing or failed. */
    public static final int TOOL = 7;
    /** Interrupted (Ctrl-C) before finishing; partial results were kept. */
    public static final int INTERRUPTED = 130;
    /** A bug in mepkit: an unexpected exception. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
