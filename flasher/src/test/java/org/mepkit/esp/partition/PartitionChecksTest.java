package org.mepkit.esp.partition;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PartitionChecksTest {

    private static final long FLASH_4MB = 4L << 20;

    private static PartitionException.Reason rejection(Partition replacement, int index) {
        List<Partition> parts = new ArrayList<>(DefaultPartitionTables.esp32Mep4Mb().partitions());
        parts.set(index, replacement);
        PartitionTable table = PartitionTableCodec.read(PartitionTableCodec.write(PartitionTable.of(parts)));
        return assertThrows(PartitionException.class, () -> PartitionChecks.validate(table, FLASH_4MB)).reason();
    }

    @Test
    void acceptsTheShippedLayout() {
        assertDoesNotThrow(() -> PartitionChecks.validate(DefaultPartitionTables.esp32Mep4Mb(), FLASH_4MB));
    }

    @Test
    void refusesAnAppNotOn64KiB() {
        assertEquals(PartitionException.Reason.MISALIGNED, rejection(new Partition("app0", 0, 0x10, 0x11000, 0x13F000, 0), 2));
    }

    @Test
    void refusesDataNotOnASector() {
        assertEquals(PartitionException.Reason.MISALIGNED, rejection(new Partition("nvs", 1, 2, 0x9800, 0x4000, 0), 0));
    }

    @Test
    void refusesOverlap() {
        assertEquals(PartitionException.Reason.OVERLAP, rejection(new Partition("otadata", 1, 0, 0xD000, 0x2000, 0), 1));
    }

    @Test
    void refusesAPartitionOverTheTable() {
        assertEquals(PartitionException.Reason.OVERLAP, rejection(new Partition("nvs", 1, 2, 0x8000, 0x6000, 0), 0));
    }

    @Test
    void refusesAPartitionPastTheFlash() {
        assertEquals(PartitionException.Reason.OUT_OF_FLASH, rejection(new Partition("coredump", 1, 3, 0x3F0000, 0x20000, 0), 5));
    }
}
