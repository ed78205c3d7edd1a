package org.mepkit.esp.chip;

/**
 * A board that mepkit flashes: which chip it carries and the flash its firmware is built for.
 *
 * @param name           the name used on the command line ({@code --board})
 * @param chip           the chip on the board's module
 * @param flashSizeBytes the smallest flash fitted to this board (images must not claim more)
 * @param autoReset      the board resets itself into the loader from DTR/RTS (firmware-spec's {@code autoReset})
 */
public record BoardTarget(String name, ChipTarget chip, long flashSizeBytes, boolean autoReset) {

    /** A board without auto-reset: the program jumper by hand. */
    public BoardTarget(String name, ChipTarget chip, long flashSizeBytes) {
        this(name, chip, flashSizeBytes, false);
    }
}
