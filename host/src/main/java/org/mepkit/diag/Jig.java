package org.mepkit.diag;

import java.io.IOException;

/**
 * A MAX3232 under test: its supply switched by the host, a loopback jumper (or a meter) on the
 * RS-232 side. One call = one power-up trial.
 */
public interface Jig {

    /** For reports, e.g. {@code /dev/ttyUSB0, power DTR, loopback} or {@code virtual flaky (seed 3)}. */
    String describe();

    /** Power off, cool-off, power on, settle, one exchange; {@code startNanos} relative to the diagnosis start. */
    Trial runTrial(int index) throws IOException, InterruptedException;

    /** Nanoseconds since the jig was created, on its ticker. */
    long elapsedNanos();
}
