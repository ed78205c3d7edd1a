package org.mepkit.esp.partition;

import java.util.List;

/**
 * Partition tables mepkit knows. The ESP32-MEP firmware ships the Arduino "default" 4 MB scheme
 * (board-firmware-behaviour §9); its binary has MD5 {@code 972dae2ff872a0142d60bad124c0666b}.
 */
public final class DefaultPartitionTables {

    private DefaultPartitionTables() {
    }

    /** nvs 0x9000/0x5000, otadata 0xE000, app0 and app1 1.25 MiB each, spiffs, coredump. */
    public static PartitionTable esp32Mep4Mb() {
        return PartitionTable.of(List.of(
                new Partition("nvs", 1, 0x02, 0x9000, 0x5000, 0),
                new Partition("otadata", 1, 0x00, 0xE000, 0x2000, 0),
                new Partition("app0", 0, 0x10, 0x10000, 0x140000, 0),
                new Partition("app1", 0, 0x11, 0x150000, 0x140000, 0),
                new Partition("spiffs", 1, 0x82, 0x290000, 0x160000, 0),
                new Partition("coredump", 1, 0x03, 0x3F0000, 0x10000, 0)));
    }
}
