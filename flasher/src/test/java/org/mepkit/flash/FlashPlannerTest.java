package org.mepkit.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        planner = new FlashPlanner(ChipRegistry.ESP32_MEP, dir.resolve("work"));
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
        FlashPlan plan = planner.plan(new FlashSource.BuildFolder(build, null), null, List.of());
        assertEquals(List.of(RegionRole.BOOTLOADER, RegionRole.PARTITION_TABLE, RegionRole.OTADATA, RegionRole.APP),
                plan.regions().stream().map(PlannedRegion::role).toList());
        assertEquals(List.of(0x1000L, 0x8000L, 0xE000L, 0x10000L), plan.regions().stream().map(PlannedRegion::address).toList());
        assertEquals("blank otadata (made by mepkit)", plan.regions().get(2).source(), "no boot_app0.bin needed");
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
        assertEquals(List.of(0x1000L, 0x8000L, 0xE000L, 0x10000L), plan.regions().stream().map(PlannedRegion::address).toList());
        assertEquals(List.of((long) bootloader.length, (long) table.length, 0x2000L, (long) app.length),
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

    // ---- OTA layouts: which app boots after the flash ----

    private FlashPlan appOnly(FlashPlanner.Options options) throws Exception {
        return planner.plan(new FlashSource.Pairs(List.of(new FlashRegion(0x8000, file("pt.bin", table)),
                new FlashRegion(0x10000, file("app.bin", app)))), (NvsImage) null, options);
    }

    @Test
    void anAppFlashedToAnOtaLayoutResetsOtadataSoTheBootloaderBootsIt() throws Exception {
        FlashPlan plan = appOnly(FlashPlanner.Options.DEFAULT);
        PlannedRegion otadata = plan.regions().stream().filter(r -> r.role() == RegionRole.OTADATA).findFirst().orElseThrow();
        assertEquals(0xE000L, otadata.address());
        byte[] written = Files.readAllBytes(otadata.file());
        assertEquals(0x2000, written.length);
        for (byte b : written) assertEquals((byte) 0xFF, b);
        ExpectedApp expected = plan.expectedApp().orElseThrow();
        assertEquals("app0", expected.boots().orElseThrow().name());
        assertEquals("app0", expected.flashed().name());
        assertEquals("NES-MEP-UI", expected.descriptor().orElseThrow().projectName());
        assertTrue(plan.notes().stream().anyMatch(n -> n.startsWith("otadata (0xe000) reset to blank")), plan.notes().toString());
    }

    @Test
    void keepOtadataLeavesItAndLetsTheBoardDecide() throws Exception {
        FlashPlan plan = appOnly(new FlashPlanner.Options(true, false));
        assertTrue(plan.regions().stream().noneMatch(r -> r.role() == RegionRole.OTADATA));
        assertTrue(plan.expectedApp().orElseThrow().boots().isEmpty());
        assertTrue(plan.notes().stream().anyMatch(n -> n.startsWith("--keep-otadata")), plan.notes().toString());
    }

    @Test
    void aGivenOtadataDecidesWhichSlotBoots() throws Exception {
        byte[] otadata = org.mepkit.esp.partition.OtaData.blank(0x2000);
        System.arraycopy(org.mepkit.esp.partition.OtaData.entry(2), 0, otadata, 0, 32);   // seq 2: slot 1
        FlashPlan plan = pairs(0x8000L, table, 0xE000L, otadata, 0x10000L, app);
        assertEquals("app1", plan.expectedApp().orElseThrow().boots().orElseThrow().name());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("will boot app1 (0x150000), not app0 (0x10000)")), plan.notes().toString());
    }

    @Test
    void withoutAnAppOtadataIsLeftAlone() throws Exception {
        FlashPlan plan = pairs(0x1000L, bootloader);
        assertTrue(plan.regions().stream().noneMatch(r -> r.role() == RegionRole.OTADATA));
        assertTrue(plan.expectedApp().isEmpty());
    }

    @Test
    void theUpstreamC3BuildFolderPlansForTheC3BoardWithItsBootloaderAtZero() throws Exception {
        FlashPlanner c3 = new FlashPlanner(ChipRegistry.board("ustepper-esp32c3-v1.00"), dir.resolve("work-c3"));
        Path build = Files.createDirectories(dir.resolve("build-c3"));
        Files.write(build.resolve("NES-MEP-UI.ino.bin"), ImageBuilder.app().chip(ChipRegistry.ESP32_C3).projectName("arduino-lib-builder").build());
        Files.write(build.resolve("NES-MEP-UI.ino.bootloader.bin"), ImageBuilder.bootloader().chip(ChipRegistry.ESP32_C3).build());
        Files.write(build.resolve("NES-MEP-UI.ino.partitions.bin"), table);
        FlashPlan plan = c3.plan(new FlashSource.BuildFolder(build, null), null, List.of());
        assertEquals(List.of(0x0L, 0x8000L, 0xE000L, 0x10000L), plan.regions().stream().map(PlannedRegion::address).toList());
        assertEquals("arduino-lib-builder", plan.expectedApp().orElseThrow().descriptor().orElseThrow().projectName());
    }

    // ---- NVS images from elsewhere, against the firmware contract ----

    private FlashPlan withNvs(byte[] image, boolean force) throws Exception {
        NvsImage nvs = NvsImage.fromFile(file("settings-nvs.bin", image), image);
        return planner.plan(new FlashSource.Pairs(List.of(new FlashRegion(0x10000, file("app.bin", app)))), nvs,
                new FlashPlanner.Options(false, force));
    }

    private static byte[] image(org.mepkit.esp.nvs.NvsEntry... entries) {
        return NvsImageWriter.write(List.of(entries), 0x5000);
    }

    @Test
    void anNvsImageWithoutTheMarkerIsRefusedWithTheReasonAndTheKeysReallyInIt() {
        byte[] noMarker = image(org.mepkit.esp.nvs.NvsEntry.string("esp32-mep", "wifi_ssid", "lab"),
                org.mepkit.esp.nvs.NvsEntry.string("esp32-mep", "mep_key", "ABCDEFGHIJKLMNOPQRST"));
        var e = assertThrows(FlashPlanException.class, () -> withNvs(noMarker, false));
        assertEquals(FlashPlanException.Reason.BAD_NVS, e.reason());
        assertEquals("settings-nvs.bin does not follow the firmware's NVS contract: no marker key 'esp32-mep': without it the firmware "
                + "erases the whole NVS partition at boot (keys in the file: wifi_ssid, mep_key; --force writes it anyway)", e.getMessage());
        assertFalse(e.getMessage().contains("ABCDEFGH"), "no value in the message");
    }

    @Test
    void forceWritesItAnywayAndSaysWhatWillHappen() throws Exception {
        byte[] noMarker = image(org.mepkit.esp.nvs.NvsEntry.string("esp32-mep", "wifi_ssid", "lab"));
        FlashPlan plan = withNvs(noMarker, true);
        assertTrue(plan.writesNvs());
        assertEquals(List.of("wifi_ssid"), plan.nvsKeys());
        assertEquals("settings-nvs.bin", plan.nvsSource().orElseThrow());
        assertTrue(plan.notes().stream().anyMatch(n -> n.startsWith("--force: settings-nvs.bin written although no marker key")), plan.notes().toString());
    }

    @Test
    void wrongTypesAndOverLongValuesAreContractProblems() {
        byte[] bad = image(org.mepkit.esp.nvs.NvsEntry.string("esp32-mep", "esp32-mep", "esp32-mep"),
                org.mepkit.esp.nvs.NvsEntry.string("esp32-mep", "mqtt_enable", "yes"),
                org.mepkit.esp.nvs.NvsEntry.string("esp32-mep", "mqtt_server", "192.168.100.100"));
        var e = assertThrows(FlashPlanException.class, () -> withNvs(bad, false));
        assertTrue(e.getMessage().contains("mqtt_enable is stored as str; the firmware reads a bool (u8)"), e.getMessage());
        assertTrue(e.getMessage().contains("mqtt_server is 15 bytes; the firmware keeps at most 14"), e.getMessage());
    }

    @Test
    void anImageSmallerThanThePartitionWouldMixWithTheOldPages() {
        byte[] small = NvsImageWriter.write(FirmwareNvs.entries(Map.of("wifi_ssid", "lab")), 0x3000);
        var e = assertThrows(FlashPlanException.class, () -> withNvs(small, false));
        assertTrue(e.getMessage().contains("it is 12288 bytes but the nvs partition holds 20480"), e.getMessage());
    }

    @Test
    void anImageMadeByNvsBuildFollowsTheContract() throws Exception {
        byte[] good = NvsImageWriter.write(FirmwareNvs.entries(Map.of("wifi_ssid", "lab", "mqtt_enable", "1")), 0x5000);
        FlashPlan plan = withNvs(good, false);
        assertEquals(List.of("esp32-mep", "wifi_ssid", "mqtt_enable"), plan.nvsKeys());
    }

    @Test
    void anUnreadableNvsImageIsRefusedAsSuch() {
        byte[] junk = new byte[0x5000];
        junk[0] = 1;
        var e = assertThrows(FlashPlanException.class, () -> NvsImage.fromFile(dir.resolve("junk.bin"), junk));
        assertTrue(e.getMessage().startsWith("junk.bin: not a valid NVS image: "), e.getMessage());
    }
}
