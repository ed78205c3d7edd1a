package org.mepkit.power;

/**
 * One digital output the host drives: the MAX3232's supply (the "power switch") or the meter's
 * ENABLE line. {@code active = true} means "MAX3232 powered" or "ENABLE asserted", whatever the
 * electrical polarity; implementations translate.
 */
public interface OutputLine {

    /** Identity for messages, e.g. {@code DTR of /dev/ttyUSB0} or {@code gpiochip0:17}. */
    String name();

    void set(boolean active) throws PowerException;

    /** A line that is not wired: setting it does nothing (e.g. ENABLE on a jig without one). */
    static OutputLine unswitched(String name) {
        return new OutputLine() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void set(boolean active) {
            }
        };
    }
}
