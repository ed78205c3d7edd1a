package org.mepkit.esptool;

/**
 * esptool is missing, or ran and failed. {@link #problem()} classifies the failure so the CLI can
 * print an actionable message and pick an exit code; the message is esptool's own, one line.
 */
public final class EsptoolException extends RuntimeException {

    private final EsptoolProblem problem;
    private final int esptoolExit;

    public EsptoolException(EsptoolProblem problem, String message, int esptoolExit) {
        super(message);
        this.problem = problem;
        this.esptoolExit = esptoolExit;
    }

    public EsptoolProblem problem() {
        return problem;
    }

    /** esptool's exit status (-1 when it never ran). */
    public int esptoolExit() {
        return esptoolExit;
    }

    /** esptool's message followed by what to do about it. */
    public String actionableMessage() {
        return getMessage() + " - " + problem.advice();
    }
}
