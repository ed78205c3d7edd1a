package org.mepkit.esptool;

/**
 * How the chip gets into its ROM loader. J5 on the ESP32-MEP wires no DTR/RTS, so the default is
 * {@link #MANUAL}: the user fits the J7 1-2 program jumper and power-cycles; esptool neither resets
 * before ({@code no_reset}) nor after. {@link #AUTO} is for adapters wired to EN/IO0.
 */
public enum BootMode {
    MANUAL("no_reset", "no_reset"),
    AUTO("default_reset", "hard_reset");

    private final String before;
    private final String after;

    BootMode(String before, String after) {
        this.before = before;
        this.after = after;
    }

    /** The {@code --before} value in v4 spelling. */
    public String before() {
        return before;
    }

    /** The {@code --after} value in v4 spelling. */
    public String after() {
        return after;
    }

    /** From the {@code --before} option value, either spelling. */
    public static BootMode ofBefore(String value) {
        return switch (value.replace('-', '_')) {
            case "no_reset" -> MANUAL;
            case "default_reset" -> AUTO;
            default -> throw new IllegalArgumentException("--before must be no_reset (manual boot, J7 jumper) or default_reset (auto-reset adapter): " + value);
        };
    }
}
