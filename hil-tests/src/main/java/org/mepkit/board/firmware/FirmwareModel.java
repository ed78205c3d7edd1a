package org.mepkit.board.firmware;

/**
 * A firmware image's behaviour, run cooperatively: {@link #step()} does at most one main-loop
 * pass (or the next part of a blocking delay) and returns at once, so a model runs on a
 * {@link org.mepkit.time.ManualTicker} in tests and on a time-scaled ticker in the virtual board.
 */
public interface FirmwareModel {

    /** The app descriptor project name this model implements. */
    String projectName();

    /** Runs whatever is due now. */
    void step();

    /** Time in board milliseconds until the model next has something to do on its own (a hint for idling). */
    long idleHintMillis();

    /** True once the model has asked for a restart; it does nothing after that. */
    boolean halted();

    /** The dashboard values (JSON of {@code /getDashDataWS}). */
    String dashDataJson();
}
