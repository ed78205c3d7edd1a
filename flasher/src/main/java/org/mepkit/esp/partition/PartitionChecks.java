package org.mepkit.esp.partition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Layout rules for a partition table on a given flash: alignment, no overlap, inside the flash, clear of the table. */
public final class PartitionChecks {

    private PartitionChecks() {
    }

    /** Throws a {@link PartitionException} naming the first rule broken. */
    public static void validate(PartitionTable table, long flashSizeBytes) {
        if (table.md5Present() && !table.md5Valid()) {
            throw new PartitionException(PartitionException.Reason.BAD_MD5,
                    "partition table MD5 row does not match its entries (corrupted table; the bootloader would refuse it)");
        }
        for (Partition p : table.partitions()) {
            if (p.offset() % p.requiredAlignment() != 0) {
                throw new PartitionException(PartitionException.Reason.MISALIGNED, String.format(
                        "partition %s at 0x%x is not aligned to 0x%x", p.name(), p.offset(), p.requiredAlignment()));
            }
            if (p.size() == 0 || p.size() % 0x1000 != 0) {
                throw new PartitionException(PartitionException.Reason.MISALIGNED, String.format(
                        "partition %s size 0x%x is not a non-zero multiple of 0x1000", p.name(), p.size()));
            }
            if (p.offset() < PartitionTable.OFFSET + PartitionTable.SECTOR) {
                throw new PartitionException(PartitionException.Reason.OVERLAP, String.format(
                        "partition %s at 0x%x overlaps the bootloader or the partition table (below 0x9000)", p.name(), p.offset()));
            }
            if (p.end() > flashSizeBytes) {
                throw new PartitionException(PartitionException.Reason.OUT_OF_FLASH, String.format(
                        "partition %s ends at 0x%x, past the end of %d MB flash", p.name(), p.end(), flashSizeBytes >> 20));
            }
        }
        List<Partition> sorted = new ArrayList<>(table.partitions());
        sorted.sort(Comparator.comparingLong(Partition::offset));
        for (int i = 1; i < sorted.size(); i++) {
            Partition a = sorted.get(i - 1);
            Partition b = sorted.get(i);
            if (b.offset() < a.end()) {
                throw new PartitionException(PartitionException.Reason.OVERLAP, String.format(
                        "partitions %s (0x%x..0x%x) and %s (0x%x..) overlap", a.name(), a.offset(), a.end(), b.name(), b.offset()));
            }
        }
        long names = table.partitions().stream().map(Partition::name).distinct().count();
        if (names != table.partitions().size()) {
            throw new PartitionException(PartitionException.Reason.BAD_TABLE, "partition names are not unique");
        }
    }
}
