package org.mepkit.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class FlashLayoutTest {

    private final FlashLayout layout = BoardRegistry.load().require("esp32-mep-v2.00").flashLayout();

    @Test
    void isTheShippedArduinoDefault4MbTable() {
        assertEquals(0x400000, layout.flashSize());
        assertEquals(0x8000, layout.partitionTableOffset());
        assertEquals("972dae2ff872a0142d60bad124c0666b", layout.partitionTableMd5());
        assertEquals(List.of("nvs", "otadata", "app0", "app1", "spiffs", "coredump"),
                layout.partitions().stream().map(FlashLayout.Partition::name).toList());
    }

    @Test
    void everyPartitionHasTheShippedTypeOffsetAndSize() {
        assertPartition("nvs", 1, 0x02, 0x9000, 0x5000);
        assertPartition("otadata", 1, 0x00, 0xE000, 0x2000);
        assertPartition("app0", 0, 0x10, 0x10000, 0x140000);
        assertPartition("app1", 0, 0x11, 0x150000, 0x140000);
        assertPartition("spiffs", 1, 0x82, 0x290000, 0x160000);
        assertPartition("coredump", 1, 0x03, 0x3F0000, 0x10000);
    }

    @Test
    void theAppGoesToApp0At0x10000AndTheTableFillsTheFlashExactly() {
        assertEquals(0x10000, layout.appOffset());
        assertEquals(layout.flashSize(), layout.partitions().get(layout.partitions().size() - 1).end());
    }

    @Test
    void allBoardsShipTheSameTable() {
        BoardRegistry.load().boards().forEach(b -> assertEquals(layout, b.flashLayout(), b.name()));
    }

    @Test
    void overlappingOrMisalignedTablesAreRejected() {
        var overlapping = new FlashLayout("bad", 0x400000, 0x8000, null, List.of(
                new FlashLayout.Partition("nvs", "data", 1, "nvs", 2, 0x9000, 0x8000, 0),
                new FlashLayout.Partition("app0", "app", 0, "ota_0", 0x10, 0x10000, 0x1000, 0)));
        assertEquals("flash layout bad: app0 overlaps what comes before it",
                assertThrows(SpecException.class, () -> FlashLayoutCheck.check(overlapping)).getMessage());
        var misaligned = new FlashLayout("bad", 0x400000, 0x8000, null, List.of(
                new FlashLayout.Partition("app0", "app", 0, "ota_0", 0x10, 0x11000, 0x1000, 0)));
        assertEquals("flash layout bad: app0 at 0x11000 is not aligned to 0x10000",
                assertThrows(SpecException.class, () -> FlashLayoutCheck.check(misaligned)).getMessage());
        var tooBig = new FlashLayout("bad", 0x100000, 0x8000, null, List.of(
                new FlashLayout.Partition("app0", "app", 0, "ota_0", 0x10, 0x10000, 0x100000, 0)));
        assertEquals("flash layout bad: app0 ends beyond the flash",
                assertThrows(SpecException.class, () -> FlashLayoutCheck.check(tooBig)).getMessage());
    }

    private void assertPartition(String name, int type, int subtype, long offset, long size) {
        FlashLayout.Partition p = layout.find(name).orElseThrow();
        assertEquals(type, p.typeCode(), name + " type");
        assertEquals(subtype, p.subtypeCode(), name + " subtype");
        assertEquals(offset, p.offset(), name + " offset");
        assertEquals(size, p.size(), name + " size");
        assertEquals(0, p.flags(), name + " flags");
    }
}
