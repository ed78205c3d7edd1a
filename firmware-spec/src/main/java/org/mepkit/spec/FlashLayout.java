package org.mepkit.spec;

import java.util.List;
import java.util.Optional;

/** The flash size and partition table a board's firmware ships with. */
public record FlashLayout(String name, long flashSize, long partitionTableOffset, String partitionTableMd5,
        List<Partition> partitions) {

    /** One row of the partition table. */
    public record Partition(String name, String type, int typeCode, String subtype, int subtypeCode, long offset,
            long size, int flags) {

        public long end() {
            return offset + size;
        }

        public boolean isApp() {
            return typeCode == 0;
        }
    }

    public FlashLayout {
        partitions = List.copyOf(partitions);
    }

    public Optional<Partition> find(String partitionName) {
        return partitions.stream().filter(p -> p.name().equals(partitionName)).findFirst();
    }

    /** Where the first application goes (the factory or ota_0 partition). */
    public long appOffset() {
        return partitions.stream().filter(Partition::isApp).mapToLong(Partition::offset).min()
                .orElseThrow(() -> new IllegalStateException("layout " + name + " has no app partition"));
    }
}
