package org.mepkit.board.boot;

import java.util.List;
import java.util.Optional;
import org.mepkit.esp.image.AppDescriptor;
import org.mepkit.esp.image.FirmwareImage;
import org.mepkit.esp.partition.Partition;
import org.mepkit.esp.partition.PartitionTable;

/** What a flash boot came to: the app is running, or the chip resets and tries again. */
public sealed interface BootResult {

    /** Every console line printed from the reset up to the app's start or the next reset. */
    List<String> consoleLines();

    /**
     * The bootloader found a valid app.
     *
     * @param table      the partition table (the firmware finds its NVS partition here)
     * @param partition  the app partition that was booted
     * @param image      the parsed app image
     * @param descriptor the app's {@code esp_app_desc_t}, when the image has one (it picks the firmware model)
     */
    record Booted(List<String> consoleLines, PartitionTable table, Partition partition, FirmwareImage image,
                  Optional<AppDescriptor> descriptor) implements BootResult {
        public Booted {
            consoleLines = List.copyOf(consoleLines);
        }
    }

    /**
     * Boot failed; a real chip resets and fails the same way again, forever.
     *
     * @param stage     which check failed
     * @param reason    one line for people (not a console line)
     * @param nextReset the {@code rst:} reason the next attempt prints
     */
    record BootLoop(List<String> consoleLines, Stage stage, String reason, ResetReason nextReset) implements BootResult {
        public BootLoop {
            consoleLines = List.copyOf(consoleLines);
        }
    }

    /** Where a boot can fail. */
    enum Stage { BOOTLOADER, PARTITION_TABLE, APP }
}
