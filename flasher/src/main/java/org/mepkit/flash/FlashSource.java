package org.mepkit.flash;

import java.nio.file.Path;
import java.util.List;

import org.mepkit.esptool.FlashRegion;

/** What the user asked to flash: an Arduino build folder, a merged image, or explicit address/file pairs. */
public sealed interface FlashSource {

    /**
     * An Arduino build folder ({@code *.ino.bin}, {@code *.ino.bootloader.bin},
     * {@code *.ino.partitions.bin}); {@code bootApp0} may be null (then looked for in the folder and
     * the Arduino core).
     */
    record BuildFolder(Path dir, Path bootApp0) implements FlashSource {
    }

    /** A merged image starting at flash offset 0; its NVS range is never written. */
    record Merged(Path file) implements FlashSource {
    }

    /** Explicit {@code ADDR=FILE} pairs. */
    record Pairs(List<FlashRegion> regions) implements FlashSource {
        public Pairs {
            regions = List.copyOf(regions);
        }
    }
}
