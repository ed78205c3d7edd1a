package org.mepkit.spec;

import java.util.Map;

/**
 * How firmware for a board is built and uploaded (the {@code build-*.json} resources): the
 * chip's architecture and clock, the flash mode and speed the shipped images use, the RAM a
 * build may use, esptool's upload speed, and the chip's default I2C/SPI pins
 * ({@code peripheralDefaults}: SDA, SCL, SS, MOSI, MISO, SCK) which no ESP32-MEP board wires.
 */
public record FirmwareBuild(String chip, String arch, int cpuMHz, String flashMode, int flashFreqMHz, long ramBytes,
        int uploadBaud, Map<String, Integer> peripheralDefaults) {

    public FirmwareBuild {
        peripheralDefaults = Map.copyOf(peripheralDefaults);
    }
}
