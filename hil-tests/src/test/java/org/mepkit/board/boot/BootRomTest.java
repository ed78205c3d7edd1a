package org.mepkit.board.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mepkit.esp.partition.OtaData;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.board.rom.ChipIdentity;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.image.ImageBuilder;
import org.mepkit.esp.partition.DefaultPartitionTables;
import org.mepkit.esp.partition.PartitionTableCodec;

class BootRomTest {

    private final VirtualFlash flash = VirtualFlash.inMemory(VirtualFlash.DEFAULT_SIZE);
    private final ChipIdentity chip = ChipIdentity.defaultEsp32();

    private void flashStandardImages(byte[] app) {
        flash.write(0x1000, ImageBuilder.bootloader().build());
        flash.write(0x8000, PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb()));
        flash.write(0x10000, app);
    }

    private static List<String> matching(BootResult r, String prefix) {
        return r.consoleLines().stream().filter(l -> l.contains(prefix)).collect(Collectors.toList());
    }

    @Test
    void anErasedChipLoopsOnInvalidHeader() {
        BootResult r = BootRom.boot(flash, chip);
        BootResult.BootLoop loop = assertInstanceOf(BootResult.BootLoop.class, r);
        assertEquals(List.of("ets Jul 29 2019 12:21:46", "", "rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)"),
                r.consoleLines().subList(0, 3));
        assertEquals(Collections.nCopies(8, "invalid header: 0xffffffff"), r.consoleLines().subList(3, 11));
        assertEquals(BootResult.Stage.BOOTLOADER, loop.stage());
        assertEquals(ResetReason.RTCWDT_RTC_RESET, loop.nextReset());
        List<String> again = BootRom.boot(flash, chip, loop.nextReset()).consoleLines();
        assertEquals("rst:0x10 (RTCWDT_RTC_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)", again.get(2));
    }

    @Test
    void bootsTheAppInApp0WhenOtadataIsBlankAndReportsItsDescriptor() {
        flashStandardImages(ImageBuilder.app().projectName("NES-MEP-UI").version("1.2.3").build());
        BootResult.Booted b = assertInstanceOf(BootResult.Booted.class, BootRom.boot(flash, chip));
        assertEquals("app0", b.partition().name());
        assertEquals("NES-MEP-UI", b.descriptor().orElseThrow().projectName());
        assertEquals("1.2.3", b.descriptor().orElseThrow().version());
        assertTrue(b.consoleLines().contains("configsip: 0, SPIWP:0xee"));
        assertTrue(b.consoleLines().contains("mode:DIO, clock div:1"));
        assertEquals(1, matching(b, "entry 0x").size());
        assertTrue(b.consoleLines().get(b.consoleLines().size() - 1).startsWith("entry 0x"),
                "the Arduino core's bootloader prints no INFO lines after the ROM's: " + String.join("\n", b.consoleLines()));
        assertEquals(0, b.consoleLines().stream().filter(l -> l.startsWith("I (")).count());
    }

    @Test
    void otadataSelectsApp1() {
        flashStandardImages(ImageBuilder.app().projectName("first").build());
        flash.write(0x150000, ImageBuilder.app().projectName("second").build());
        flash.write(0xE000, OtaData.entry(2));   // seq 2 -> slot (2-1) % 2 = 1
        BootResult.Booted b = assertInstanceOf(BootResult.Booted.class, BootRom.boot(flash, chip));
        assertEquals("app1", b.partition().name());
        assertEquals("second", b.descriptor().orElseThrow().projectName());
    }

    @Test
    void knownOtadataCrcValue() {
        // ESP-IDF's otadata for seq 1 carries CRC 0x4743989a
        assertEquals(0x4743989AL, OtaData.seqCrc(1));
    }

    @Test
    void noAppGivesTheSecondStageBootloaderErrorsAndASoftwareReset() {
        flash.write(0x1000, ImageBuilder.bootloader().build());
        flash.write(0x8000, PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb()));
        BootResult.BootLoop loop = assertInstanceOf(BootResult.BootLoop.class, BootRom.boot(flash, chip));
        List<String> errors = matching(loop, "E (");
        assertEquals(5, errors.size(), String.join("\n", loop.consoleLines()));
        assertTrue(errors.get(0).endsWith("esp_image: image at 0x10000 has invalid magic byte (nothing flashed here?)"));
        assertTrue(errors.get(1).endsWith("boot: OTA app partition slot 0 is not bootable"));
        assertTrue(errors.get(2).endsWith("esp_image: image at 0x150000 has invalid magic byte (nothing flashed here?)"));
        assertTrue(errors.get(3).endsWith("boot: OTA app partition slot 1 is not bootable"));
        assertTrue(errors.get(4).endsWith("boot: No bootable app partitions in the partition table"));
        assertEquals(ResetReason.SW_RESET, loop.nextReset());
        assertEquals(BootResult.Stage.APP, loop.stage());
    }

    @Test
    void aCorruptAppFallsBackToTheOtherSlot() {
        byte[] app = ImageBuilder.app().projectName("broken").build();
        app[app.length - 40] ^= 0x01;   // flips a bit in the checksum/hash area
        flashStandardImages(app);
        flash.write(0x150000, ImageBuilder.app().projectName("good").build());
        BootResult r = BootRom.boot(flash, chip);
        BootResult.Booted b = assertInstanceOf(BootResult.Booted.class, r, String.join("\n", r.consoleLines()));
        assertEquals("good", b.descriptor().orElseThrow().projectName());
        assertTrue(matching(b, "OTA app partition slot 0 is not bootable").size() == 1);
    }

    @Test
    void aPartitionTableWithAWrongMd5IsRejected() {
        byte[] table = PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb());
        table[0xC0 + 16] ^= 0x55;   // the MD5 row follows the six entries
        flash.write(0x1000, ImageBuilder.bootloader().build());
        flash.write(0x8000, table);
        BootResult.BootLoop loop = assertInstanceOf(BootResult.BootLoop.class, BootRom.boot(flash, chip));
        List<String> errors = matching(loop, "E (");
        assertTrue(errors.get(0).endsWith("flash_parts: Incorrect MD5 checksum"), errors.toString());
        assertTrue(errors.get(1).endsWith("boot: Failed to verify partition table"));
        assertTrue(errors.get(2).endsWith("boot: load partition table error!"));
        assertEquals(BootResult.Stage.PARTITION_TABLE, loop.stage());
    }

    @Test
    void garbageAtThePartitionTableNamesTheBadMagic() {
        flash.write(0x1000, ImageBuilder.bootloader().build());
        flash.write(0x8000, new byte[] {(byte) 0xF6, (byte) 0x94});
        BootResult.BootLoop loop = assertInstanceOf(BootResult.BootLoop.class, BootRom.boot(flash, chip));
        assertTrue(matching(loop, "E (").get(0).endsWith("flash_parts: partition 0 invalid magic number 0x94f6"));
    }

    @Test
    void aBootloaderWithABadChecksumStopsInTheRom() {
        byte[] bl = ImageBuilder.bootloader().hashAppended(false).build();
        bl[bl.length - 1] ^= 0x5A;   // the checksum byte is the last byte without a hash
        flash.write(0x1000, bl);
        BootResult.BootLoop loop = assertInstanceOf(BootResult.BootLoop.class, BootRom.boot(flash, chip));
        assertEquals(1, matching(loop, "csum err:0x").size(), String.join("\n", loop.consoleLines()));
        assertEquals("ets_main.c 384 ", loop.consoleLines().get(loop.consoleLines().size() - 1));
        assertEquals(0, matching(loop, "entry 0x").size());
    }

    @Test
    void anAppForTheWrongChipIsNotBooted() {
        flashStandardImages(ImageBuilder.app().chip(ChipRegistry.ESP32_C3).build());
        BootResult.BootLoop loop = assertInstanceOf(BootResult.BootLoop.class, BootRom.boot(flash, chip));
        assertTrue(matching(loop, "boot_comm: mismatch chip ID, expected 0, found 5").size() == 1,
                String.join("\n", loop.consoleLines()));
        assertTrue(loop.reason().contains("ESP32-C3"), loop.reason());
    }

    @Test
    void aC3BootsItsBootloaderFromZeroWithTheC3RomBanner() {
        VirtualFlash c3flash = VirtualFlash.inMemory(VirtualFlash.DEFAULT_SIZE);
        c3flash.write(0x0, ImageBuilder.bootloader().chip(ChipRegistry.ESP32_C3).build());
        c3flash.write(0x8000, PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb()));
        c3flash.write(0x10000, ImageBuilder.app().chip(ChipRegistry.ESP32_C3).projectName("arduino-lib-builder").build());
        BootResult r = BootRom.boot(c3flash, ChipIdentity.defaultEsp32C3());
        BootResult.Booted b = assertInstanceOf(BootResult.Booted.class, r, String.join("\n", r.consoleLines()));
        assertEquals(List.of("ESP-ROM:esp32c3-api1-20210207", "Build:Feb  7 2021", "rst:0x1 (POWERON),boot:0xc (SPI_FAST_FLASH_BOOT)",
                "SPIWP:0xee"), r.consoleLines().subList(0, 4));
        assertTrue(r.consoleLines().contains("load:0x3fcd5810,len:0x100"), r.consoleLines().toString());
        assertEquals("arduino-lib-builder", b.descriptor().orElseThrow().projectName());
        assertEquals(1, matching(b, "entry 0x").size(), "the ROM jumps into the bootloader once (its INFO lines are not built in)");
    }

    @Test
    void anEsp32AppOnAC3IsAChipIdMismatch() {
        VirtualFlash c3flash = VirtualFlash.inMemory(VirtualFlash.DEFAULT_SIZE);
        c3flash.write(0x0, ImageBuilder.bootloader().chip(ChipRegistry.ESP32_C3).build());
        c3flash.write(0x8000, PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb()));
        c3flash.write(0x10000, ImageBuilder.app().build());
        BootResult r = BootRom.boot(c3flash, ChipIdentity.defaultEsp32C3());
        assertInstanceOf(BootResult.BootLoop.class, r);
        assertTrue(matching(r, "mismatch chip ID, expected 5, found 0").size() >= 1, String.join("\n", r.consoleLines()));
    }

    @Test
    void anEsp32BootloaderAt0x1000MeansNothingToAC3() {
        VirtualFlash c3flash = VirtualFlash.inMemory(VirtualFlash.DEFAULT_SIZE);
        c3flash.write(0x1000, ImageBuilder.bootloader().build());
        BootResult r = BootRom.boot(c3flash, ChipIdentity.defaultEsp32C3());
        assertEquals("invalid header: 0xffffffff", r.consoleLines().get(3), "the C3 ROM reads its bootloader at 0x0");
    }
}
