package org.mepkit.esp.partition;

import java.util.List;
import java.util.Optional;

/**
 * A partition table as flashed at 0x8000.
 *
 * @param partitions entries in table order
 * @param md5Present the table has an MD5 row ({@code EB EB} + 14 × FF + MD5)
 * @param md5Valid   the MD5 row matches the entries (false when absent)
 */
public record PartitionTable(List<Partition> partitions, boolean md5Present, boolean md5Valid) {

    /** Where ESP-IDF and Arduino put the table, on every chip. */
    public static final long OFFSET = 0x8000;
    /** The table's own sector. */
    public static final long SECTOR = 0x1000;

    public PartitionTable {
        partitions = List.copyOf(partitions);
    }

    public static PartitionTable of(List<Partition> partitions) {
        return new PartitionTable(partitions, true, true);
    }

    public Optional<Partition> byName(String name) {
        return partitions.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The first data/nvs partition (the one Arduino's Preferences uses, normally named {@code nvs}). */
    public Optional<Partition> nvs() {
        Optional<Partition> named = byName("nvs").filter(Partition::isNvs);
        return named.isPresent() ? named : partitions.stream().filter(Partition::isNvs).findFirst();
    }

    /** The partition at this flash offset, if one starts exactly there. */
    public Optional<Partition> startingAt(long offset) {
        return partitions.stream().filter(p -> p.offset() == offset).findFirst();
    }

    /** The otadata partition (data, subtype ota), present in OTA layouts such as Arduino's default. */
    public Optional<Partition> otadata() {
        return partitions.stream().filter(p -> p.type() == Partition.TYPE_DATA && p.subtype() == 0x00).findFirst();
    }

    /** The OTA app slots ota_0, ota_1, ... in slot order. */
    public List<Partition> otaApps() {
        java.util.List<Partition> slots = new java.util.ArrayList<>();
        for (int sub = 0x10; sub <= 0x1F; sub++) {
            final int s = sub;
            partitions.stream().filter(p -> p.isApp() && p.subtype() == s).findFirst().ifPresent(slots::add);
        }
        return slots;
    }

    /** The app partition the bootloader picks with this otadata content (as {@link OtaData} reads it). */
    public Optional<Partition> bootApp(byte[] otadataContent) {
        List<Partition> slots = otaApps();
        java.util.OptionalInt slot = OtaData.selectedSlot(otadataContent, slots.size());
        return slot.isPresent() ? Optional.of(slots.get(slot.getAsInt())) : bootApp();
    }

    /** The app partition the bootloader boots first when otadata is blank: factory, else ota_0. */
    public Optional<Partition> bootApp() {
        return partitions.stream().filter(p -> p.isApp() && p.subtype() == 0).findFirst()
                .or(() -> partitions.stream().filter(p -> p.isApp() && p.subtype() == 0x10).findFirst());
    }
}
