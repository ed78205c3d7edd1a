package org.mepkit.board.boot;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.board.rom.ChipIdentity;
import org.mepkit.board.rom.ChipFamily;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.chip.ChipTarget;
import org.mepkit.esp.image.FirmwareImage;
import org.mepkit.esp.image.ImageException;
import org.mepkit.esp.image.ImageHeader;
import org.mepkit.esp.image.ImageReader;
import org.mepkit.esp.image.Segment;
import org.mepkit.esp.partition.OtaData;
import org.mepkit.esp.partition.Partition;
import org.mepkit.esp.partition.PartitionException;
import org.mepkit.esp.partition.PartitionTable;
import org.mepkit.esp.partition.PartitionTableCodec;

/**
 * A flash boot as an ESP32 (or an ESP32-C3) does it: the ROM loads and checksums the second-stage bootloader at the
 * chip's bootloader offset (0x1000, 0 on the C3), the
 * bootloader verifies the partition table at 0x8000 (MD5 row included), picks the app partition (otadata aware,
 * else factory, else ota_0), falls back to other app slots, and checks the app image (magic, chip id, checksum,
 * SHA-256). Failures produce the console lines a real chip prints before it resets. Image and table parsing is
 * done by {@code org.mepkit.esp.image} / {@code org.mepkit.esp.partition}.
 */
public final class BootRom {

    public static final int TABLE_OFFSET = 0x8000;
    /** How many "invalid header" lines the ROM prints before its watchdog resets it (7 or 8 on real chips). */
    static final int INVALID_HEADER_REPEATS = 8;

    private final VirtualFlash flash;
    private final ChipIdentity chip;
    private final List<String> lines = new ArrayList<>();
    private int millis = 27;
    /** Flash size the bootloader's header declares; partitions must fit in it. */
    private long flashSizeOfBootloader;

    private final ChipTarget target;
    private final int bootloaderOffset;

    private BootRom(VirtualFlash flash, ChipIdentity chip) {
        this.flash = flash;
        this.chip = chip;
        this.target = chip.family().target();
        this.bootloaderOffset = (int) target.bootloaderOffset();
    }

    /** A power-on boot from flash of the default chip ({@link ChipIdentity#defaultEsp32()}). */
    public static BootResult boot(VirtualFlash flash) {
        return boot(flash, ChipIdentity.defaultEsp32(), ResetReason.POWERON_RESET);
    }

    /** A power-on boot from flash. */
    public static BootResult boot(VirtualFlash flash, ChipIdentity chip) {
        return boot(flash, chip, ResetReason.POWERON_RESET);
    }

    /** A boot from flash after {@code reason} (e.g. the {@link BootResult.BootLoop#nextReset()} of the last try). */
    public static BootResult boot(VirtualFlash flash, ChipIdentity chip, ResetReason reason) {
        return new BootRom(flash, chip).run(reason);
    }

    private BootResult run(ResetReason reason) {
        lines.addAll(RomBanner.flashBoot(chip, reason));
        Optional<BootResult> romFailure = loadBootloader();
        if (romFailure.isPresent()) return romFailure.get();
        PartitionTable table;
        try {
            table = loadPartitionTable();
        } catch (BootFailed f) {
            return loop(BootResult.Stage.PARTITION_TABLE, f.getMessage(), ResetReason.SW_RESET);
        }
        return loadApp(table);
    }

    // ---- stage 1: the ROM and the second-stage bootloader image ----

    private Optional<BootResult> loadBootloader() {
        byte[] region = flash.read(bootloaderOffset, TABLE_OFFSET - bootloaderOffset);
        int firstWord = ByteBuffer.wrap(region).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        FirmwareImage image;
        try {
            if ((region[0] & 0xFF) != ImageHeader.MAGIC) throw new ImageException(ImageException.Reason.BAD_MAGIC, "no magic");
            image = ImageReader.read(region);
        } catch (ImageException e) {
            for (int i = 0; i < INVALID_HEADER_REPEATS; i++) lines.add(String.format("invalid header: 0x%08x", firstWord));
            String why = e.reason() == ImageException.Reason.BAD_MAGIC
                    ? String.format("no bootloader at 0x%x (first word 0x%08x)", bootloaderOffset, firstWord)
                    : String.format("bootloader at 0x%x unreadable: %s", bootloaderOffset, e.getMessage());
            return Optional.of(loop(BootResult.Stage.BOOTLOADER, why, ResetReason.RTCWDT_RTC_RESET));
        }
        ImageHeader h = image.header();
        boolean esp32 = chip.family() == ChipFamily.ESP32;
        if (esp32) {
            lines.add("configsip: 0, SPIWP:0xee");
            lines.add("clk_drv:0x00,q_drv:0x00,d_drv:0x00,cs0_drv:0x00,hd_drv:0x00,wp_drv:0x00");
        } else {
            lines.add("SPIWP:0xee");
        }
        lines.add("mode:" + h.flashMode().name() + ", clock div:" + clockDiv(h));
        for (Segment s : image.segments()) {
            lines.add(String.format(esp32 ? "load:0x%08x,len:%d" : "load:0x%08x,len:0x%x", s.loadAddress(), s.length()));
        }
        if (!image.checksumValid()) {
            lines.add(String.format("csum err:0x%02x!=0x%02x", image.computedChecksum(), image.storedChecksum()));
            lines.add(chip.romDate().equals(ChipIdentity.ROM_DATE_V1) ? "ets_main.c 371 " : "ets_main.c 384 ");
            return Optional.of(loop(BootResult.Stage.BOOTLOADER, String.format(
                    "bootloader checksum 0x%02x, computed 0x%02x", image.storedChecksum(), image.computedChecksum()),
                    ResetReason.RTCWDT_RTC_RESET));
        }
        lines.add(String.format("entry 0x%08x", h.entryAddress()));
        if (h.chipId() != target.imageChipId()) {
            // the ROM does not check; code built for another chip cannot run here and the watchdog resets it
            return Optional.of(loop(BootResult.Stage.BOOTLOADER, String.format("bootloader at 0x%x is built for %s, not %s",
                    bootloaderOffset, ChipRegistry.chipName(h.chipId()), target.name()), ResetReason.RTCWDT_RTC_RESET));
        }
        log('I', "boot", "SPI Speed      : " + h.flashFreq().label().replace("m", "MHz"));
        log('I', "boot", "SPI Mode       : " + h.flashMode().name());
        log('I', "boot", "SPI Flash Size : " + h.flashSize().label());
        flashSizeOfBootloader = h.flashSize().bytes();
        return Optional.empty();
    }

    private static int clockDiv(ImageHeader h) {
        return switch (h.flashFreq()) {
            case MHZ_80 -> 1;
            case MHZ_40 -> 2;
            case MHZ_26 -> 3;
            case MHZ_20 -> 4;
        };
    }

    // ---- stage 2: the partition table ----

    private PartitionTable loadPartitionTable() throws BootFailed {
        byte[] bin = flash.read(TABLE_OFFSET, PartitionTableCodec.TABLE_BYTES);
        ByteBuffer b = ByteBuffer.wrap(bin).order(ByteOrder.LITTLE_ENDIAN);
        // what esp_partition_table_verify reports, entry by entry, before the table is decoded
        for (int at = 0, n = 0; at + 32 <= bin.length; at += 32, n++) {
            int magic = b.getShort(at) & 0xFFFF;
            if (magic == 0xFFFF || magic == 0xEBEB) break;
            if (magic != 0x50AA) {
                tableError(String.format("partition %d invalid magic number 0x%x", n, magic));
            }
        }
        if ((b.getShort(0) & 0xFFFF) == 0xFFFF) return new PartitionTable(List.of(), false, false);
        PartitionTable table;
        try {
            table = PartitionTableCodec.read(bin);
        } catch (PartitionException e) {
            tableError("partition table invalid: " + e.getMessage());
            return null;   // unreachable
        }
        for (int i = 0; i < table.partitions().size(); i++) {
            Partition p = table.partitions().get(i);
            if (p.end() > flashSizeOfBootloader) {
                tableError(String.format("partition %d invalid - offset 0x%x size 0x%x exceeds flash chip size 0x%x",
                        i, p.offset(), p.size(), flashSizeOfBootloader));
            }
        }
        if (table.md5Present() && !table.md5Valid()) tableError("Incorrect MD5 checksum");
        log('I', "boot", "Partition Table:");
        log('I', "boot", "## Label            Usage          Type ST Offset   Length");
        for (int i = 0; i < table.partitions().size(); i++) {
            Partition p = table.partitions().get(i);
            log('I', "boot", String.format("%2d %-16s %-16s %02x %02x %08x %08x", i, p.name(), usage(p), p.type(),
                    p.subtype(), p.offset(), p.size()));
        }
        log('I', "boot", "End of partition table");
        return table;
    }

    private void tableError(String flashPartsMessage) throws BootFailed {
        log('E', "flash_parts", flashPartsMessage);
        log('E', "boot", "Failed to verify partition table");
        log('E', "boot", "load partition table error!");
        throw new BootFailed("partition table at 0x8000: " + flashPartsMessage);
    }

    private static String usage(Partition p) {
        if (p.isApp()) {
            if (p.subtype() == 0) return "factory app";
            if (p.subtype() >= 0x10 && p.subtype() <= 0x1F) return "OTA app";
            return p.subtype() == 0x20 ? "test app" : "Unknown app";
        }
        if (p.type() == Partition.TYPE_DATA) {
            return switch (p.subtype()) {
                case 0x00 -> "OTA data";
                case 0x01 -> "RF data";
                case 0x02 -> "WiFi data";
                default -> "Unknown data";
            };
        }
        return "unknown";
    }

    // ---- stage 3: the app ----

    private BootResult loadApp(PartitionTable table) {
        Optional<Partition> factory = table.partitions().stream().filter(p -> p.isApp() && p.subtype() == 0).findFirst();
        List<Partition> ota = new ArrayList<>();
        for (int slot = 0; slot < 16; slot++) {
            int sub = 0x10 + slot;
            table.partitions().stream().filter(p -> p.isApp() && p.subtype() == sub).findFirst().ifPresent(ota::add);
        }
        // index -1 = factory, 0.. = ota slots, as the ESP-IDF bootloader numbers them
        int start = selectedIndex(table, factory.isPresent(), ota);
        List<Integer> order = new ArrayList<>();
        for (int i = start; i >= -1; i--) order.add(i);
        for (int i = start + 1; i < ota.size(); i++) order.add(i);
        List<String> failures = new ArrayList<>();
        for (int index : order) {
            Optional<Partition> p = index < 0 ? factory : Optional.of(ota.get(index));
            if (p.isEmpty()) continue;
            Optional<FirmwareImage> image = checkApp(p.get(), failures);
            if (image.isPresent()) {
                logSegments(p.get(), image.get());
                log('I', "boot", String.format("Loaded app from partition at offset 0x%x", p.get().offset()));
                return new BootResult.Booted(lines, table, p.get(), image.get(), image.get().appDescriptor());
            }
            log('E', "boot", index < 0 ? "Factory app partition is not bootable"
                    : "OTA app partition slot " + index + " is not bootable");
        }
        log('E', "boot", "No bootable app partitions in the partition table");
        String why = failures.isEmpty() ? "no app partition in the partition table" : String.join("; ", failures);
        return loop(BootResult.Stage.APP, why, ResetReason.SW_RESET);
    }

    private int selectedIndex(PartitionTable table, boolean hasFactory, List<Partition> ota) {
        Optional<Partition> otadata = table.partitions().stream()
                .filter(p -> p.type() == Partition.TYPE_DATA && p.subtype() == 0x00).findFirst();
        if (otadata.isPresent() && !ota.isEmpty() && otadata.get().size() >= 2L * OtaData.SECTOR) {
            OptionalInt slot = OtaData.selectedSlot(flash.read((int) otadata.get().offset(), 2 * OtaData.SECTOR), ota.size());
            if (slot.isPresent()) return slot.getAsInt();
        }
        return hasFactory || ota.isEmpty() ? -1 : 0;
    }

    private Optional<FirmwareImage> checkApp(Partition p, List<String> failures) {
        int offset = (int) p.offset();
        int size = (int) Math.min(p.size(), flash.size() - p.offset());
        byte[] bytes = flash.read(offset, size);
        if ((bytes[0] & 0xFF) != ImageHeader.MAGIC) {
            log('E', "esp_image", String.format("image at 0x%x has invalid magic byte (nothing flashed here?)", offset));
            failures.add(String.format("%s at 0x%x: no app image", p.name(), offset));
            return Optional.empty();
        }
        FirmwareImage image;
        try {
            image = ImageReader.read(bytes);
        } catch (ImageException e) {
            log('E', "esp_image", String.format("image at 0x%x is invalid: %s", offset, e.getMessage()));
            failures.add(p.name() + ": " + e.getMessage());
            return Optional.empty();
        }
        int chipId = image.header().chipId();
        if (chipId != target.imageChipId()) {
            log('E', "boot_comm", String.format("mismatch chip ID, expected %d, found %d", target.imageChipId(), chipId));
            failures.add(p.name() + ": app built for " + ChipRegistry.chipName(chipId));
            return Optional.empty();
        }
        if (!image.checksumValid()) {
            log('E', "esp_image", String.format("Checksum failed. Calculated 0x%x read 0x%x",
                    image.computedChecksum(), image.storedChecksum()));
            failures.add(p.name() + ": app checksum wrong");
            return Optional.empty();
        }
        if (image.header().hashAppended() && !image.hashValid()) {
            log('E', "esp_image", "Image hash failed - image is corrupt");
            failures.add(p.name() + ": app SHA-256 wrong");
            return Optional.empty();
        }
        return Optional.of(image);
    }

    private void logSegments(Partition p, FirmwareImage image) {
        for (int i = 0; i < image.segments().size(); i++) {
            Segment s = image.segments().get(i);
            String kind = image.chip().map(c -> c.flashMapped(s.loadAddress())).orElse(false) ? "map" : "load";
            log('I', "esp_image", String.format("segment %d: paddr=%08x vaddr=%08x size=%05xh (%6d) %s", i,
                    p.offset() + s.fileOffset(), s.loadAddress(), s.length(), s.length(), kind));
        }
    }

    // ---- console ----

    private void log(char level, String tag, String message) {
        // The bootloader shipped with the Arduino core (upstream build/esp32.esp32.esp32/NES-MEP-UI.ino.bootloader.bin)
        // is built without INFO logging: after "entry 0x..." the next line on a real board is the sketch's own. The
        // error lines stay: they name why a twin boot failed (that binary would print nothing there either).
        if (level == 'I') return;
        lines.add(level + " (" + millis + ") " + tag + ": " + message);
        millis += 5;
    }

    private BootResult loop(BootResult.Stage stage, String why, ResetReason next) {
        return new BootResult.BootLoop(lines, stage, why, next);
    }

    private static final class BootFailed extends Exception {
        BootFailed(String message) {
            super(message);
        }
    }
}
