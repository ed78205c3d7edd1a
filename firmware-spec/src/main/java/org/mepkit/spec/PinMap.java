package org.mepkit.spec;

import java.util.List;
import java.util.Optional;

/** Which GPIO does what on a board (the {@code pinmap-*.json} resources). */
public record PinMap(String module, List<Pin> pins) {

    public static final String MEP_RX = "MEP_RX";
    public static final String MEP_TX = "MEP_TX";
    public static final String METER_ENABLE = "METER_ENABLE";
    public static final String MAX3232_POWER = "MAX3232_POWER";
    public static final String CONSOLE_RX = "CONSOLE_RX";
    public static final String CONSOLE_TX = "CONSOLE_TX";

    public enum Direction { IN, OUT }

    /**
     * One signal on one GPIO. {@code modulePin} and {@code net} are null where the reference does
     * not give them; {@code activeLow} says which level means "asserted".
     */
    public record Pin(String signal, int gpio, Integer modulePin, String net, Direction direction, boolean activeLow,
            String use) {
    }

    public PinMap {
        pins = List.copyOf(pins);
    }

    public Optional<Pin> find(String signal) {
        return pins.stream().filter(p -> p.signal().equals(signal)).findFirst();
    }

    /** @throws IllegalArgumentException when the board has no such signal */
    public Pin pin(String signal) {
        return find(signal).orElseThrow(() -> new IllegalArgumentException("no signal " + signal + " on this board"));
    }
}
