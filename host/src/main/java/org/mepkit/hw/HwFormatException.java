package org.mepkit.hw;

/** A hardware input file (netlist, pin map, variant table, KiCad report) is malformed. */
public class HwFormatException extends RuntimeException {
    public HwFormatException(String message) {
        super(message);
    }

    public HwFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
