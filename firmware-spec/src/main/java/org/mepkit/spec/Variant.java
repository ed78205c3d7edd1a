package org.mepkit.spec;

/**
 * An assembly option of a board. On the ESP32-MEP it is which of R3/R4 is fitted: R4 lets GPIO32
 * power the MAX3232 ({@code switchable}), R3 ties it to +3V3. Never both.
 */
public record Variant(String name, String max3232Supply, boolean switchable, boolean recommended, String description) {
}
