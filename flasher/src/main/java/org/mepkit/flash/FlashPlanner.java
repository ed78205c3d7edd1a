package org.mepkit.flash;

import static org.mepkit.flash.FlashPlanException.Reason.MISALIGNED;
import static org.mepkit.flash.FlashPlanException.Reason.MISSING_FILE;
import static org.mepkit.flash.FlashPlanException.Reason.NVS_PROTECTED;
import static org.mepkit.flash.FlashPlanException.Reason.OUTSIDE_PARTITION;
import static org.mepkit.flash.FlashPlanException.Reason.OVERLAP;
import static org.mepkit.flash.FlashPlanException.Reason.TOO_LARGE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.mepkit.esp.chip.BoardTarget;
import org.mepkit.esp.image.FirmwareImage;
import org.mepkit.esp.image.ImageReader;
import org.mepkit.esp.image.ImageValidator;
import org.mepkit.esp.nvs.NvsReader;
import org.mepkit.esp.partition.DefaultPartitionTables;
import org.mepkit.esp.partition.OtaData;
import org.mepkit.esp.partition.Partition;
import org.mepkit.esp.partition.PartitionChecks;
import org.mepkit.esp.partition.PartitionTable;
import org.mepkit.esp.partition.PartitionTableCodec;
import org.mepkit.esptool.FlashRegion;
import org.mepkit.util.Hex;

/**
 * Turns what the user asked to flash into a {@link FlashPlan}, checking everything that can be
 * checked offline. Nothing here talks to a board. Files split out of a merged image and generated
 * NVS images are written into {@code workDir}.
 */
public final class FlashPlanner {

    private static final long SECTOR = 0x1000;

    private final BoardTarget board;
    private final Path workDir;
    public FlashPlanner(BoardTarget board, Path workDir) {
        this.board = board;
        this.workDir = workDir;
    }

    /** A raw region before checks. */
    private record Raw(long address, byte[] data, Path file, String source) {
    }

    /** How to plan: keep the board's otadata, and write an NVS image that breaks the firmware's contract anyway. */
    public record Options(boolean keepOtadata, boolean force) {
        public static final Options DEFAULT = new Options(false, false);
    }

    /**
     * @param source    what to flash
     * @param nvsImage  a provisioning NVS image (generated) to write at the {@code nvs} partition, or null
     * @param nvsKeys   the names of the keys in {@code nvsImage} (for the bench log)
     */
    public FlashPlan plan(FlashSource source, byte[] nvsImage, List<String> nvsKeys) {
        NvsImage nvs = nvsImage == null ? null : new NvsImage(nvsImage, "generated NVS", true,
                new org.mepkit.esp.nvs.FirmwareNvs.ContractCheck(nvsKeys, List.of(), List.of()));
        return plan(source, nvs, Options.DEFAULT);
    }

    /**
     * @param source   what to flash
     * @param nvs      the image for the {@code nvs} partition, or null to leave the board's settings alone
     * @param options  otadata and NVS-contract choices
     */
    public FlashPlan plan(FlashSource source, NvsImage nvs, Options options) {
        List<String> notes = new ArrayList<>();
        List<Raw> raws = new ArrayList<>();
        if (source instanceof FlashSource.BuildFolder f) {
            raws.addAll(buildFolder(f, notes, options));
        } else if (source instanceof FlashSource.Merged m) {
            raws.addAll(merged(m.file(), notes));
        } else if (source instanceof FlashSource.Pairs p) {
            for (FlashRegion r : p.regions()) raws.add(new Raw(r.address(), read(r.file()), r.file(), r.file().getFileName().toString()));
        }
        PartitionTable table = tableOf(raws, notes);
        PartitionChecks.validate(table, board.flashSizeBytes());
        if (nvs != null) raws.add(nvsRaw(nvs, table, options, notes));
        boolean writesApp = raws.stream().anyMatch(r -> inApp(table, r.address()));
        Optional<Partition> otadata = table.otadata();
        boolean otadataWritten = otadata.isPresent() && raws.stream().anyMatch(r -> r.address() == otadata.get().offset());
        if (writesApp && otadata.isPresent() && !otadataWritten) {
            if (options.keepOtadata()) {
                notes.add("--keep-otadata: otadata left as it is: the board boots the app slot its otadata selects "
                        + "(after an over-the-air update, not necessarily the one written now)");
            } else {
                Partition o = otadata.get();
                byte[] blank = OtaData.blank((int) o.size());
                raws.add(new Raw(o.offset(), blank, writeWork("otadata-blank.bin", blank), "blank otadata (made by mepkit)"));
                notes.add(String.format("otadata (0x%x) reset to blank, so the bootloader boots %s; --keep-otadata leaves it", o.offset(),
                        table.bootApp().map(Partition::name).orElse("the first app")));
            }
        }
        List<PlannedRegion> regions = new ArrayList<>();
        String appSha = null;
        FirmwareImage appImage = null;
        Partition appPartition = null;
        for (Raw raw : raws) {
            Checked c = check(raw, table, nvs != null);
            PlannedRegion r = c.region();
            if (r.role() == RegionRole.APP && appSha == null) {
                appSha = r.sha256();
                appImage = c.image();
                appPartition = table.startingAt(raw.address()).orElse(null);
            }
            regions.add(r);
        }
        regions.sort(Comparator.comparingLong(PlannedRegion::address));
        for (int i = 1; i < regions.size(); i++) {
            PlannedRegion a = regions.get(i - 1);
            PlannedRegion b = regions.get(i);
            if (b.address() < a.end()) {
                throw new FlashPlanException(OVERLAP, String.format("%s (0x%x..0x%x) and %s (at 0x%x) overlap",
                        a.source(), a.address(), a.end(), b.source(), b.address()));
            }
        }
        if (regions.isEmpty()) throw new FlashPlanException(MISSING_FILE, "nothing to flash");
        Optional<ExpectedApp> expected = Optional.empty();
        if (appPartition != null) {
            Optional<Partition> boots = bootsAfter(table, raws, options);
            if (boots.isPresent() && boots.get().offset() != appPartition.offset()) {
                notes.add(String.format("the bootloader will boot %s (0x%x), not %s (0x%x) where the app is written",
                        boots.get().name(), boots.get().offset(), appPartition.name(), appPartition.offset()));
            }
            expected = Optional.of(new ExpectedApp(boots, appPartition, appImage.appDescriptor()));
        }
        return new FlashPlan(board, table, regions, Optional.ofNullable(appSha), nvs == null ? List.of() : nvs.keys(), notes,
                expected, Optional.ofNullable(nvs).map(NvsImage::source));
    }

    /** The app partition the bootloader will pick after this flash, when the flash decides it. */
    private static Optional<Partition> bootsAfter(PartitionTable table, List<Raw> raws, Options options) {
        Optional<Partition> otadata = table.otadata();
        if (otadata.isEmpty()) return table.bootApp();
        Optional<Raw> written = raws.stream().filter(r -> r.address() == otadata.get().offset()).findFirst();
        if (written.isPresent()) return table.bootApp(java.util.Arrays.copyOf(written.get().data(), 2 * OtaData.SECTOR));
        return options.keepOtadata() ? Optional.empty() : table.bootApp();
    }

    private static boolean inApp(PartitionTable table, long address) {
        return table.partitions().stream().anyMatch(p -> p.isApp() && address >= p.offset() && address < p.end());
    }

    /** The NVS image as a region at the table's nvs partition, refused when the firmware could not use it. */
    private Raw nvsRaw(NvsImage nvs, PartitionTable table, Options options, List<String> notes) {
        Partition part = table.nvs().orElseThrow(() -> new FlashPlanException(OUTSIDE_PARTITION,
                "the partition table has no nvs partition to provision"));
        List<String> problems = new ArrayList<>(nvs.check().problems());
        if (!nvs.generated() && nvs.length() < part.size()) {
            problems.add(String.format("it is %d bytes but the nvs partition holds %d: the board's old pages after it would stay and mix in",
                    nvs.length(), part.size()));
        }
        if (!problems.isEmpty()) {
            if (!options.force()) {
                throw new FlashPlanException(FlashPlanException.Reason.BAD_NVS, nvs.source() + " does not follow the firmware's NVS contract: "
                        + String.join("; ", problems) + " (keys in the file: " + keysText(nvs) + "; --force writes it anyway)");
            }
            notes.add("--force: " + nvs.source() + " written although " + String.join("; ", problems));
        }
        for (String n : nvs.check().notes()) notes.add(nvs.source() + ": " + n);
        Path file = writeWork("nvs-provisioning.bin", nvs.bytes());
        return new Raw(part.offset(), nvs.bytes(), file, nvs.source());
    }

    private static String keysText(NvsImage nvs) {
        return nvs.keys().isEmpty() ? "none" : String.join(", ", nvs.keys());
    }

    /** A checked region, with its parsed image when it is a bootloader or an app. */
    private record Checked(PlannedRegion region, FirmwareImage image) {
    }

    private Checked check(Raw raw, PartitionTable table, boolean nvsAllowed) {
        String what = raw.source();
        FirmwareImage image = null;
        if (raw.address() % SECTOR != 0) {
            throw new FlashPlanException(MISALIGNED, String.format("%s: address 0x%x is not aligned to a 4 KiB flash sector", what, raw.address()));
        }
        long end = raw.address() + raw.data().length;
        if (end > board.flashSizeBytes()) {
            throw new FlashPlanException(TOO_LARGE, String.format("%s: ends at 0x%x, past the board's %d MB flash", what, end, board.flashSizeBytes() >> 20));
        }
        RegionRole role;
        if (raw.address() == board.chip().bootloaderOffset()) {
            role = RegionRole.BOOTLOADER;
            image = ImageReader.read(raw.data());
            ImageValidator.validate(image, board, what);
            if (image.appDescriptor().isPresent()) {
                throw new FlashPlanException(FlashPlanException.Reason.WRONG_ROLE, what + ": is an app (it has an app descriptor), not a bootloader");
            }
            if (end > PartitionTable.OFFSET) {
                throw new FlashPlanException(OVERLAP, String.format("%s: bootloader of %d bytes runs into the partition table at 0x8000", what, raw.data().length));
            }
        } else if (raw.address() == PartitionTable.OFFSET) {
            role = RegionRole.PARTITION_TABLE;
            if (raw.data().length > PartitionTable.SECTOR) {
                throw new FlashPlanException(TOO_LARGE, what + ": a partition table is at most 4096 bytes");
            }
        } else {
            Partition p = table.partitions().stream().filter(x -> raw.address() >= x.offset() && raw.address() < x.end()).findFirst()
                    .orElseThrow(() -> new FlashPlanException(OUTSIDE_PARTITION, String.format(
                            "%s: address 0x%x is not inside any partition of the table", what, raw.address())));
            if (end > p.end()) {
                throw new FlashPlanException(TOO_LARGE, String.format("%s is %d bytes but partition %s (0x%x) holds only %d from 0x%x",
                        what, raw.data().length, p.name(), p.offset(), p.end() - raw.address(), raw.address()));
            }
            if (p.isApp()) {
                role = RegionRole.APP;
                image = ImageReader.read(raw.data());
                ImageValidator.validate(image, board, what);
                if (image.appDescriptor().isEmpty()) {
                    throw new FlashPlanException(FlashPlanException.Reason.WRONG_ROLE, what
                            + ": has no app descriptor, so it is not an ESP-IDF/Arduino app (a bootloader at the app address?)");
                }
            } else if (p.isNvs()) {
                if (!nvsAllowed) {
                    throw new FlashPlanException(NVS_PROTECTED, what + " would overwrite the nvs partition (the board's settings); give it with --nvs-image FILE or provisioning options instead");
                }
                role = RegionRole.NVS;
                try {
                    NvsReader.read(raw.data());
                } catch (IllegalArgumentException e) {
                    throw new FlashPlanException(FlashPlanException.Reason.BAD_NVS, what + ": not a valid NVS image: " + e.getMessage());
                }
            } else if (p.type() == Partition.TYPE_DATA && p.subtype() == 0x00) {
                role = RegionRole.OTADATA;
                if (raw.data().length != p.size() && raw.data().length != 2 * OtaData.SECTOR) {
                    throw new FlashPlanException(TOO_LARGE, String.format("%s is %d bytes; an otadata image is the whole partition (%d bytes)",
                            what, raw.data().length, p.size()));
                }
            } else {
                role = RegionRole.DATA;
            }
        }
        Path file = raw.file() != null ? raw.file() : writeWork(String.format("region-0x%x.bin", raw.address()), raw.data());
        byte[] sha = image != null ? image.fileSha256() : Sha256.sha256(raw.data());
        return new Checked(new PlannedRegion(raw.address(), role, file, raw.data().length, Hex.lower(sha), what), image);
    }

    private PartitionTable tableOf(List<Raw> raws, List<String> notes) {
        for (Raw r : raws) {
            if (r.address() == PartitionTable.OFFSET) return PartitionTableCodec.read(r.data());
        }
        notes.add("no partition table given: checked against the firmware's default 4 MB layout, assumed to be on the board");
        return DefaultPartitionTables.esp32Mep4Mb();
    }

    private List<Raw> buildFolder(FlashSource.BuildFolder f, List<String> notes, Options options) {
        Path dir = f.dir();
        if (!Files.isDirectory(dir)) throw new FlashPlanException(MISSING_FILE, dir + " is not a folder");
        Path app = single(dir, ".ino.bin");
        Path bootloader = single(dir, ".ino.bootloader.bin");
        Path partitions = single(dir, ".ino.partitions.bin");
        byte[] tableBytes = read(partitions);
        PartitionTable table = PartitionTableCodec.read(tableBytes);
        List<Raw> raws = new ArrayList<>();
        raws.add(new Raw(board.chip().bootloaderOffset(), read(bootloader), bootloader, bootloader.getFileName().toString()));
        raws.add(new Raw(PartitionTable.OFFSET, tableBytes, partitions, partitions.getFileName().toString()));
        Optional<Path> bootApp0 = Optional.ofNullable(f.bootApp0())
                .or(() -> Optional.of(dir.resolve("boot_app0.bin")).filter(Files::isRegularFile));
        Optional<Partition> otadata = table.otadata();
        if (bootApp0.isPresent() && otadata.isPresent()) {
            if (options.keepOtadata()) {
                notes.add(bootApp0.get().getFileName() + " not written: --keep-otadata");
            } else {
                raws.add(new Raw(otadata.get().offset(), read(bootApp0.get()), bootApp0.get(), bootApp0.get().getFileName().toString()));
            }
        }
        Partition appPart = table.bootApp().orElseThrow(() -> new FlashPlanException(OUTSIDE_PARTITION, partitions.getFileName() + " has no factory or ota_0 app partition"));
        raws.add(new Raw(appPart.offset(), read(app), app, app.getFileName().toString()));
        return raws;
    }

    private static Path single(Path dir, String suffix) {
        List<Path> found;
        try (var files = Files.list(dir)) {
            found = files.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(suffix) && !(suffix.equals(".ino.bin") && (n.endsWith(".bootloader.bin")
                        || n.endsWith(".partitions.bin") || n.endsWith(".merged.bin")));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.isEmpty()) throw new FlashPlanException(MISSING_FILE, "no *" + suffix + " in " + dir);
        if (found.size() > 1) {
            throw new FlashPlanException(FlashPlanException.Reason.AMBIGUOUS, "several *" + suffix + " in " + dir + ": " + found);
        }
        return found.get(0);
    }

    /** Splits a merged image into its parts by its own partition table, leaving out the NVS range. */
    private List<Raw> merged(Path file, List<String> notes) {
        byte[] all = read(file);
        String name = file.getFileName().toString();
        if (all.length < PartitionTable.OFFSET + PartitionTableCodec.TABLE_BYTES) {
            throw new FlashPlanException(MISSING_FILE, name + " is too short for a merged image (no partition table at 0x8000)");
        }
        byte[] tableBytes = Arrays.copyOfRange(all, (int) PartitionTable.OFFSET, (int) PartitionTable.OFFSET + PartitionTableCodec.TABLE_BYTES);
        PartitionTable table = PartitionTableCodec.read(tableBytes);
        List<Raw> raws = new ArrayList<>();
        int bl = (int) board.chip().bootloaderOffset();
        FirmwareImage bootloader = ImageReader.read(Arrays.copyOfRange(all, bl, (int) PartitionTable.OFFSET));
        raws.add(new Raw(bl, Arrays.copyOfRange(all, bl, bl + bootloader.imageLength()), null, name + "@" + hex(bl) + " (bootloader)"));
        raws.add(new Raw(PartitionTable.OFFSET, tableBytes, null, name + "@0x8000 (partition table)"));
        for (Partition p : table.partitions()) {
            if (p.offset() >= all.length) continue;
            byte[] content = Arrays.copyOfRange(all, (int) p.offset(), (int) Math.min(all.length, p.end()));
            if (p.isNvs()) {
                if (!allFf(content)) notes.add(name + ": its nvs partition content was skipped; the board keeps its settings");
                continue;
            }
            int used = p.isApp() && content.length > 0 && (content[0] & 0xFF) == 0xE9
                    ? ImageReader.read(content).imageLength() : lastNonFf(content);
            if (used == 0) continue;
            int length = p.isApp() ? used : (int) Math.min(content.length, (used + SECTOR - 1) / SECTOR * SECTOR);
            raws.add(new Raw(p.offset(), Arrays.copyOf(content, length), null, name + "@" + hex(p.offset()) + " (" + p.name() + ")"));
        }
        return raws;
    }

    private static boolean allFf(byte[] b) {
        return lastNonFf(b) == 0;
    }

    private static int lastNonFf(byte[] b) {
        for (int i = b.length - 1; i >= 0; i--) if (b[i] != (byte) 0xFF) return i + 1;
        return 0;
    }

    private static String hex(long v) {
        return String.format("0x%x", v);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new FlashPlanException(MISSING_FILE, "no such file: " + file);
        } catch (IOException e) {
            throw new FlashPlanException(MISSING_FILE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private Path writeWork(String name, byte[] data) {
        try {
            Files.createDirectories(workDir);
            Path p = workDir.resolve(name);
            org.mepkit.util.PrivateFiles.write(p, data); // the NVS image holds the provisioned secrets
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
