package org.mepkit.esp.chip;

/**
 * A board that mepkit flashes: which chip it carries and the flash its firmware is built for.
 *
 * @param name           the name used on the command line ({@code --board})
 * @param chip           the chip on the board's module
 * @param flashSizeBytes the smallest flash fitted to this board (images must not claim more)
 */
public record BoardTarget(String name, ChipTarget chip, long flashSizeBytes) {
}
