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
}
