package org.mepkit.bsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepkit.esp.partition.DefaultPartitionTables;
import org.mepkit.esp.partition.PartitionCsv;
import org.mepkit.esp.partition.PartitionTable;
import org.mepkit.esp.partition.PartitionTableCodec;
import org.mepkit.spec.Board;
import org.mepkit.spec.BoardRegistry;

/**
 * The CI check of issue 16: the partitions CSV of every export (Arduino scheme, PlatformIO,
 * ESP-IDF component) of every board, read by mepkit's own partition codec (an independent CSV
 * reader, not the writer), gives byte for byte the binary table the flasher writes at 0x8000,
 * and that binary reads back to the same rows. A name that does not mean its code in
 * firmware-spec (say subtype "ota_1" with code 0x10) breaks it.
 */
class BspPartitionsRoundTripTest {

    private static final BoardRegistry REGISTRY = BoardRegistry.load();

    static Stream<String> boards() {
        return REGISTRY.boards().stream().map(Board::name);
    }

    @ParameterizedTest
    @MethodSource("boards")
    void everyExportedPartitionsCsvIsTheTableTheFlasherWrites(String name) throws Exception {
        Board board = REGISTRY.require(name);
        byte[] flasherWrites = PartitionTableCodec.write(DefaultPartitionTables.of(board.flashLayout()));
        for (BspTarget target : BspTarget.values()) {
            List<BspFile> csvs = new BspExporter(REGISTRY).files(target, name, null).stream()
                    .filter(f -> f.path().endsWith(".csv")).toList();
            assertEquals(1, csvs.size(), target + " writes one partitions CSV");
            PartitionTable fromCsv = PartitionCsv.read(csvs.get(0).content());

            byte[] bin = PartitionTableCodec.write(fromCsv);

            assertArrayEquals(flasherWrites, bin, target + " " + csvs.get(0).path());
            assertEquals(fromCsv, PartitionTableCodec.read(bin), "the binary reads back to the CSV's rows");
        }
    }

    @ParameterizedTest
    @MethodSource("boards")
    void theBinaryCarriesTheMd5FirmwareSpecRecordsForTheShippedTable(String name) throws Exception {
        Board board = REGISTRY.require(name);
        String csv = new BspExporter(REGISTRY).files(BspTarget.IDF, name, null).stream()
                .filter(f -> f.path().equals("partitions.csv")).findFirst().orElseThrow().content();
        byte[] bin = PartitionTableCodec.write(PartitionCsv.read(csv));
        int rows = board.flashLayout().partitions().size();
        byte[] md5 = MessageDigest.getInstance("MD5").digest(Arrays.copyOf(bin, rows * 32));

        assertTrue(board.flashLayout().partitionTableMd5() != null, "firmware-spec records the shipped table's MD5");
        assertEquals(board.flashLayout().partitionTableMd5(), HexFormat.of().formatHex(md5));
        assertEquals(board.flashLayout().partitionTableMd5(), HexFormat.of().formatHex(bin, rows * 32 + 16, rows * 32 + 32));
        assertFalse(csv.isBlank());
    }
}
