package org.mepkit.flash;

import java.util.List;
import java.util.Optional;

import org.mepkit.esp.chip.BoardTarget;
import org.mepkit.esp.partition.PartitionTable;
import org.mepkit.esptool.FlashRegion;

/**
 * A flashing job that passed every check before the board is touched: images valid for the board,
 * partition table sound, regions sector-aligned, inside their partitions and not overlapping, and
 * NVS written only when asked.
 *
 * @param board          the target board
 * @param table          the partition table the regions were checked against
 * @param regions        what esptool will write, in address order
 * @param firmwareSha256 SHA-256 of the app image (empty when no app is written)
 * @param nvsKeys        names of the NVS keys being provisioned (never their values)
 * @param notes          things the user should know (assumptions made, regions skipped)
 * @param expectedApp    which app the board should run afterwards (empty when no app is written)
 * @param nvsSource      where the NVS image came from ({@code generated NVS} or its file name), when one is written
 */
public record FlashPlan(BoardTarget board, PartitionTable table, List<PlannedRegion> regions,
                        Optional<String> firmwareSha256, List<String> nvsKeys, List<String> notes,
                        Optional<ExpectedApp> expectedApp, Optional<String> nvsSource) {

    public FlashPlan {
        regions = List.copyOf(regions);
        nvsKeys = List.copyOf(nvsKeys);
        notes = List.copyOf(notes);
    }

    public List<FlashRegion> esptoolRegions() {
        return regions.stream().map(r -> new FlashRegion(r.address(), r.file())).toList();
    }

    public boolean writesNvs() {
        return regions.stream().anyMatch(r -> r.role() == RegionRole.NVS);
    }
}
