package org.mepkit.esp.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PartitionCsvTest {

    @Test
    void readsTheArduinoDefaultSchemeWrittenTheUsualWay() {
        String csv = """
                # Name,   Type, SubType, Offset,  Size, Flags
                nvs,      data, nvs,     0x9000,  0x5000,
                otadata,  data, ota,     0xe000,  0x2000,
                app0,     app,  ota_0,   0x10000, 0x140000,
                app1,     app,  ota_1,   0x150000,0x140000,
                spiffs,   data, spiffs,  0x290000,0x160000,
                coredump, data, coredump,0x3F0000,0x10000,
                """;

        PartitionTable table = PartitionCsv.read(csv);

        assertEquals(DefaultPartitionTables.esp32Mep4Mb().partitions(), table.partitions());
        assertTrue(table.md5Present(), "gen_esp32part writes the MD5 row by default");
    }

    @Test
    void placesRowsWithoutAnOffsetAfterThePreviousOneAlignedAsTheirTypeNeeds() {
        PartitionTable table = PartitionCsv.read("nvs, data, nvs, , 24K\nphy_init, data, phy, , 4K\nfactory, app, factory, , 1M\n");

        assertEquals(List.of(new Partition("nvs", 1, 0x02, 0x9000, 0x6000, 0),
                new Partition("phy_init", 1, 0x01, 0xF000, 0x1000, 0),
                new Partition("factory", 0, 0x00, 0x10000, 0x100000, 0)), table.partitions());
    }

    @Test
    void takesNumbersForTypeAndSubtypeAndFlagsJoinedWithColons() {
        PartitionTable table = PartitionCsv.read("keys, 0x40, 0x01, 0x9000, 0x1000, encrypted:readonly\n");

        assertEquals(new Partition("keys", 0x40, 0x01, 0x9000, 0x1000, 3), table.partitions().get(0));
    }

    @Test
    void namesTheLineOfAMalformedRow() {
        var e = assertThrows(PartitionException.class, () -> PartitionCsv.read("# t\nnvs, data, nvs, 0x9000\n"));
        assertEquals("partition CSV line 2: needs name, type, subtype, offset, size", e.getMessage());
        var sub = assertThrows(PartitionException.class, () -> PartitionCsv.read("x, data, ota_0, 0x9000, 4K\n"));
        assertEquals("partition CSV line 1: subtype 'ota_0' for type data: 'ota_0' is not a number", sub.getMessage());
        var flag = assertThrows(PartitionException.class, () -> PartitionCsv.read("x, data, nvs, 0x9000, 4K, fast\n"));
        assertEquals("partition CSV line 1: unknown flag 'fast'", flag.getMessage());
    }
}
