package org.mepkit.esp.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mepkit.util.Hex;

class PartitionTableCodecTest {

    @Test
    void theDefaultTableIsByteCompatibleWithTheShippedOne() {
        byte[] bin = PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb());
        assertEquals(3072, bin.length);
        // board-firmware-behaviour §9: MD5 row at 0xC0, EB EB + 14 x FF, MD5 972dae2f... of the first 192 bytes
        assertEquals("ebeb" + "ff".repeat(14), Hex.lower(bin, 0xC0, 16));
        assertEquals("972dae2ff872a0142d60bad124c0666b", Hex.lower(bin, 0xD0, 16));
        for (int i = 0xE0; i < bin.length; i++) assertEquals((byte) 0xFF, bin[i], "byte " + i);
    }

    @Test
    void entriesAreLaidOutAsTheReferenceSays() {
        byte[] bin = PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb());
        // nvs: aa 50, type 1, subtype 2, offset 0x9000, size 0x5000, "nvs" NUL-padded, flags 0
        assertEquals("aa500102" + "00900000" + "00500000" + Hex.lower("nvs".getBytes()) + "00".repeat(13) + "00000000",
                Hex.lower(bin, 0, 32));
    }

    @Test
    void roundTrips() {
        PartitionTable table = DefaultPartitionTables.esp32Mep4Mb();
        PartitionTable back = PartitionTableCodec.read(PartitionTableCodec.write(table));
        assertEquals(table.partitions(), back.partitions());
        assertTrue(back.md5Present());
        assertTrue(back.md5Valid());
        assertEquals(0x9000, back.nvs().orElseThrow().offset());
        assertEquals("app0", back.bootApp().orElseThrow().name());
    }

    @Test
    void noticesACorruptedEntryThroughTheMd5Row() {
        byte[] bin = PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb());
        bin[8] ^= 0x10; // nvs size
        PartitionTable t = PartitionTableCodec.read(bin);
        assertTrue(t.md5Present());
        assertFalse(t.md5Valid());
        var e = assertThrows(PartitionException.class, () -> PartitionChecks.validate(t, 4 << 20));
        assertEquals(PartitionException.Reason.BAD_MD5, e.reason());
    }

    @Test
    void readsATableWithoutAnMd5Row() {
        byte[] bin = PartitionTableCodec.write(new PartitionTable(DefaultPartitionTables.esp32Mep4Mb().partitions(), false, false));
        PartitionTable t = PartitionTableCodec.read(bin);
        assertFalse(t.md5Present());
        assertEquals(6, t.partitions().size());
    }

    @Test
    void refusesSomethingThatIsNotATable() {
        byte[] bin = new byte[3072];
        var e = assertThrows(PartitionException.class, () -> PartitionTableCodec.read(bin));
        assertEquals(PartitionException.Reason.BAD_TABLE, e.reason());
        assertEquals("not a partition table: entry 0 at 0x0 starts 00 00, expected aa 50", e.getMessage());
    }

    @Test
    void refusesATruncatedTable() {
        byte[] bin = java.util.Arrays.copyOf(PartitionTableCodec.write(
                PartitionTable.of(List.of(new Partition("nvs", 1, 2, 0x9000, 0x5000, 0)))), 40);
        assertEquals(PartitionException.Reason.BAD_TABLE,
                assertThrows(PartitionException.class, () -> PartitionTableCodec.read(bin)).reason());
    }
}
