package org.mepkit.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.image.ImageBuilder;
import org.mepkit.esp.image.ImageException;
import org.mepkit.esp.nvs.FirmwareNvs;
import org.mepkit.esp.nvs.NvsImageWriter;
import org.mepkit.esp.partition.DefaultPartitionTables;
import org.mepkit.esp.partition.Partition;
import org.mepkit.esp.partition.PartitionException;
import org.mepkit.esp.partition.PartitionTable;
import org.mepkit.esp.partition.PartitionTableCodec;
import org.mepkit.esptool.FlashRegion;

class FlashPlannerTest {

    @TempDir
    Path dir;
    FlashPlanner planner;
    byte[] app;
    byte[] bootloader;
    byte[] table;

    @BeforeEach
    void setUp() {
        planner = new FlashPlanner(ChipRegistry.ESP32_MEP, dir.resolve("work"), dir.resolve("home"));
        app = ImageBuilder.app().build();
        bootloader = ImageBuilder.bootloader().build();
        table = PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb());
    }

    private Path file(String name, byte[] data) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, data);
        return p;
    }

    private FlashPlan pairs(Object... addrAndData) throws Exception {
        List<FlashRegion> regions = new java.util.ArrayList<>();
        for (int i = 0; i < addrAndData.length; i += 2) {
            regions.add(new FlashRegion((Long) addrAndData[i], file("f" + i + ".bin", (byte[]) addrAndData[i + 1])));
        }
        return planner.plan(new FlashSource.Pairs(regions), null, List.of());
    }

    @Test
    void anArduinoBuildFolderBecomesBootloaderTableOtadataAndApp() throws Exception {
        Path build = Files.createDirectories(dir.resolve("build"));
        Files.write(build.resolve("NES-MEP-UI.ino.bin"), app);
        Files.write(build.resolve("NES-MEP-UI.ino.bootloader.bin"), bootloader);
        Files.write(build.resolve("NES-MEP-UI.ino.partitions.bin"), table);
        Files.write(build.resolve("NES-MEP-UI.ino.merged.bin"), new byte[16]);
        byte[] bootApp0 = new byte[0x2000];
        Arrays.fill(bootApp0, (byte) 0xFF);
        Path core = Files.createDirectories(dir.resolve("home/.arduino15/packages/esp32/hardware/esp32/2.0.14/tools/partitions"));
        Files.write(core.resolve("boot_app0.bin"), bootApp0);
        FlashPlan plan = planner.plan(new FlashSource.BuildFolder(build, null), null, List.of());
        assertEquals(List.of(RegionRole.BOOTLOADER, RegionRole.PARTITION_TABLE, RegionRole.OTADATA, RegionRole.APP),
                plan.regions().stream().map(PlannedRegion::role).toList());
        assertEquals(List.of(0x1000L, 0x8000L, 0xE000L, 0x10000L), plan.regions().stream().map(PlannedRegion::address).toList());
        assertTrue(plan.firmwareSha256().isPresent());
        assertEquals(false, plan.writesNvs());
    }

    @Test
    void aMergedImageIsSplitAndItsNvsRangeIsNeverWritten() throws Exception {
        byte[] merged = new byte[0x10000 + app.length];
        Arrays.fill(merged, (byte) 0xFF);
        System.arraycopy(bootloader, 0, merged, 0x1000, bootloader.length);
        System.arraycopy(table, 0, merged, 0x8000, table.length);
        byte[] nvs = NvsImageWriter.write(FirmwareNvs.entries(Map.of("wifi_ssid", "x")), 0x5000);
        System.arraycopy(nvs, 0, merged, 0x9000, nvs.length);
        System.arraycopy(app, 0, merged, 0x10000, app.length);
        FlashPlan plan = planner.plan(new FlashSource.Merged(file("merged.bin", merged)), null, List.of());
        assertEquals(List.of(0x1000L, 0x8000L, 0x10000L), plan.regions().stream().map(PlannedRegion::address).toList());
        assertEquals(List.of((long) bootloader.length, (long) table.length, (long) app.length),
                plan.regions().stream().map(PlannedRegion::length).toList());
        assertTrue(plan.notes().get(0).contains("nvs partition content was skipped"), plan.notes().toString());
    }

    @Test
    void provisioningAddsTheNvsImageAtTheNvsPartition() throws Exception {
        byte[] nvs = NvsImageWriter.write(FirmwareNvs.entries(Map.of("mep_key", "0123")), 0x5000);
        FlashPlan plan = planner.plan(new FlashSource.Pairs(List.of(new FlashRegion(0x10000, file("a.bin", app)))), nvs, List.of("mep_key"));
        assertTrue(plan.writesNvs());
        assertEquals(0x9000L, plan.regions().get(0).address());
        assertEquals(List.of("mep_key"), plan.nvsKeys());
        assertTrue(plan.notes().get(0).startsWith("no partition table given"));
    }

    @Test
    void refusesToOverwriteNvsWithoutBeingAsked() throws Exception {
        byte[] nvs = NvsImageWriter.write(FirmwareNvs.entries(Map.of()), 0x5000);
        var e = assertThrows(FlashPlanException.class, () -> pairs(0x9000L, nvs));
        assertEquals(FlashPlanException.Reason.NVS_PROTECTED, e.reason());
    }

    @Test
    void refusesAMisalignedRegion() {
        var e = assertThrows(FlashPlanException.class, () -> pairs(0x10800L, app));
        assertEquals(FlashPlanException.Reason.MISALIGNED, e.reason());
        assertEquals("f0.bin: address 0x10800 is not aligned to a 4 KiB flash sector", e.getMessage());
    }

    @Test
    void refusesOverlappingRegions() {
        byte[] blob = new byte[0x3000];
        var e = assertThrows(FlashPlanException.class, () -> pairs(0x290000L, blob, 0x291000L, blob));
        assertEquals(FlashPlanException.Reason.OVERLAP, e.reason());
    }

    @Test
    void refusesAnAppLargerThanItsPartition() {
        byte[] big = ImageBuilder.app().codeBytes(0x140000).build();
        var e = assertThrows(FlashPlanException.class, () -> pairs(0x10000L, big));
        assertEquals(FlashPlanException.Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("partition app0"), e.getMessage());
    }

    @Test
    void refusesAnAppForTheWrongChip() {
        byte[] c3 = ImageBuilder.app().chip(ChipRegistry.ESP32_C3).build();
        assertEquals(ImageException.Reason.WRONG_CHIP, assertThrows(ImageException.class, () -> pairs(0x10000L, c3)).reason());
    }

    @Test
    void refusesACorruptedBootloader() {
        byte[] bad = bootloader.clone();
        bad[100] ^= 1;
        assertEquals(ImageException.Reason.BAD_CHECKSUM, assertThrows(ImageException.class, () -> pairs(0x1000L, bad)).reason());
    }

    @Test
    void refusesATruncatedApp() {
        byte[] cut = Arrays.copyOf(app, app.length / 2);
        assertEquals(ImageException.Reason.TRUNCATED, assertThrows(ImageException.class, () -> pairs(0x10000L, cut)).reason());
    }

    @Test
    void refusesAGivenTableWithOverlappingPartitions() {
        byte[] bad = PartitionTableCodec.write(PartitionTable.of(List.of(
                new Partition("nvs", 1, 2, 0x9000, 0x6000, 0), new Partition("otadata", 1, 0, 0xE000, 0x2000, 0),
                new Partition("app0", 0, 0x10, 0x10000, 0x100000, 0))));
        assertEquals(PartitionException.Reason.OVERLAP, assertThrows(PartitionException.class, () -> pairs(0x8000L, bad)).reason());
    }

    @Test
    void refusesAnAddressOutsideEveryPartition() {
        assertEquals(FlashPlanException.Reason.OUTSIDE_PARTITION,
                assertThrows(FlashPlanException.class, () -> pairs(0x3000L, new byte[16])).reason());
    }

    @Test
    void refusesSwappedBootloaderAndApp() {
        assertEquals(FlashPlanException.Reason.WRONG_ROLE, assertThrows(FlashPlanException.class, () -> pairs(0x1000L, app)).reason());
        assertEquals(FlashPlanException.Reason.WRONG_ROLE, assertThrows(FlashPlanException.class, () -> pairs(0x10000L, bootloader)).reason());
    }

    @Test
    void refusesAMissingFile() {
        var e = assertThrows(FlashPlanException.class, () -> planner.plan(
                new FlashSource.Pairs(List.of(new FlashRegion(0x10000, dir.resolve("nope.bin")))), null, List.of()));
        assertEquals(FlashPlanException.Reason.MISSING_FILE, e.reason());
    }
}
