package org.mepkit.bench;

/** The board's power switch and reset as a bench can drive them (relay, USB hub port, or the twin's API). */
public interface BoardPower {

    void powerOn() throws java.io.IOException;

    void powerOff() throws java.io.IOException;

    /** Restarts the board; on benches without a reset line this is a power cycle. */
    void reset() throws java.io.IOException;
}
