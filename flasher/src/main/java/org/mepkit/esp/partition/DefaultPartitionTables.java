package org.mepkit.esp.partition;

import org.mepkit.spec.BoardRegistry;
import org.mepkit.spec.FlashLayout;

/**
 * Partition tables mepkit knows, built from firmware-spec's flash layouts. The ESP32-MEP firmware
 * ships the Arduino "default" 4 MB scheme (board-firmware-behaviour §9); its binary has MD5
 * {@code 972dae2ff872a0142d60bad124c0666b}.
 */
public final class DefaultPartitionTables {

    private DefaultPartitionTables() {
    }

    /** nvs 0x9000/0x5000, otadata 0xE000, app0 and app1 1.25 MiB each, spiffs, coredump. */
    public static PartitionTable esp32Mep4Mb() {
        return of(BoardRegistry.load().require("esp32-mep-v1.10").flashLayout());
    }

    /** The table of a firmware-spec flash layout, with its MD5 row. */
    public static PartitionTable of(FlashLayout layout) {
        return PartitionTable.of(layout.partitions().stream()
                .map(p -> new Partition(p.name(), p.typeCode(), p.subtypeCode(), p.offset(), p.size(), p.flags()))
                .toList());
    }
}
