package org.mepkit.spec;

import java.util.List;

/** The rules a partition table must follow (ESP-IDF): aligned, in order, no overlap, inside the flash. */
final class FlashLayoutCheck {

    static final long SECTOR = 0x1000;
    static final long APP_ALIGNMENT = 0x10000;

    private FlashLayoutCheck() {
    }

    static void check(FlashLayout layout) {
        long previousEnd = layout.partitionTableOffset() + SECTOR;
        List<FlashLayout.Partition> partitions = layout.partitions();
        if (partitions.isEmpty()) fail(layout, "has no partitions");
        for (FlashLayout.Partition p : partitions) {
            long alignment = p.isApp() ? APP_ALIGNMENT : SECTOR;
            if (p.offset() % alignment != 0) fail(layout, p.name() + " at 0x" + Long.toHexString(p.offset())
                    + " is not aligned to 0x" + Long.toHexString(alignment));
            if (p.size() <= 0 || p.size() % SECTOR != 0) fail(layout, p.name() + " has a size that is not a whole number of sectors");
            if (p.offset() < previousEnd) fail(layout, p.name() + " overlaps what comes before it");
            if (p.end() > layout.flashSize()) fail(layout, p.name() + " ends beyond the flash");
            previousEnd = p.end();
        }
    }

    private static void fail(FlashLayout layout, String problem) {
        throw new SpecException("flash layout " + layout.name() + ": " + problem);
    }
}
