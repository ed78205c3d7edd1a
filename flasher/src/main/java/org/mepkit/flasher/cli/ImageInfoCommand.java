package org.mepkit.flasher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.image.AppDescriptor;
import org.mepkit.esp.image.FirmwareImage;
import org.mepkit.esp.image.ImageHeader;
import org.mepkit.esp.image.ImageReader;
import org.mepkit.esp.image.Segment;
import org.mepkit.esp.partition.Partition;
import org.mepkit.esp.partition.PartitionChecks;
import org.mepkit.esp.partition.PartitionException;
import org.mepkit.esp.partition.PartitionTable;
import org.mepkit.esp.partition.PartitionTableCodec;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mep image info FILE}: what esptool's image-info shows, offline. Exit 1 when checksum or hash is wrong. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show an ESP32 image's header, segments, checksum, SHA-256 and app description (like esptool image-info), "
                + "or a partition table binary's entries, MD5 row and layout check.")
public final class ImageInfoCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "FILE", description = "An app or bootloader image (.bin).")
    Path file;

    @Override
    public Integer call() {
        try {
            return info();
        } catch (IllegalArgumentException e) { // no image, no table: say which file
            throw new MepException(ExitCodes.BAD_INPUT, file + ": " + e.getMessage());
        }
    }

    private Integer info() {
        byte[] bytes = CliFiles.read(file);
        PrintWriter out = spec.commandLine().getOut();
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xAA && (bytes[1] & 0xFF) == 0x50) return partitionTable(out, bytes);
        FirmwareImage image = ImageReader.read(bytes);
        if (output.json()) {
            OutputOptions.printJson(out, json(image));
        } else {
            text(out, image);
        }
        boolean ok = image.checksumValid() && (!image.header().hashAppended() || image.hashValid());
        return ok ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
    }

    /** A partition table binary (starts AA 50): its entries, MD5 row and layout check. */
    private int partitionTable(PrintWriter out, byte[] bytes) {
        PartitionTable table = PartitionTableCodec.read(bytes);
        String problem = null;
        try {
            PartitionChecks.validate(table, ChipRegistry.ESP32_MEP.flashSizeBytes());
        } catch (PartitionException e) {
            problem = e.getMessage();
        }
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("partitions", table.partitions());
            m.put("md5_present", table.md5Present());
            m.put("md5_valid", table.md5Valid());
            m.put("problem", problem);
            OutputOptions.printJson(out, m);
        } else {
            out.println("Partition table: " + table.partitions().size() + " entries");
            out.println("# Name, Type, SubType, Offset, Size, Flags");
            for (Partition p : table.partitions()) {
                out.printf("%s, %s, %s, 0x%x, 0x%x, %s%n", p.name(), p.typeName(), p.subtypeName(), p.offset(), p.size(),
                        p.flags() == 0 ? "" : "0x" + Integer.toHexString(p.flags()));
            }
            out.println("MD5 row: " + (table.md5Present() ? table.md5Valid() ? "valid" : "INVALID" : "absent"));
            out.println("Layout on 4 MB flash: " + (problem == null ? "ok" : problem));
            out.flush();
        }
        return problem == null ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
    }

    private static Map<String, Object> json(FirmwareImage image) {
        ImageHeader h = image.header();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file_size", image.fileLength());
        m.put("chip_id", h.chipId());
        m.put("chip", ChipRegistry.chipName(h.chipId()));
        m.put("entry_point", String.format("0x%08x", h.entryAddress()));
        m.put("flash_mode", h.flashMode().esptoolName());
        m.put("flash_size", h.flashSize().label());
        m.put("flash_freq", h.flashFreq().label());
        m.put("min_revision", h.minRevision());
        m.put("max_revision", h.maxRevision());
        List<Map<String, Object>> segs = new ArrayList<>();
        for (Segment s : image.segments()) {
            segs.add(Map.of("load_address", String.format("0x%08x", s.loadAddress()), "length", s.length(),
                    "file_offset", String.format("0x%08x", s.headerOffset()),
                    "memory", image.chip().map(c -> c.memoryTypes(s.loadAddress())).orElse(List.of())));
        }
        m.put("segments", segs);
        m.put("checksum", String.format("0x%02x", image.storedChecksum()));
        m.put("checksum_valid", image.checksumValid());
        m.put("hash_appended", h.hashAppended());
        if (h.hashAppended()) {
            m.put("sha256", image.storedHashHex());
            m.put("sha256_valid", image.hashValid());
        }
        image.appDescriptor().ifPresent(d -> {
            Map<String, Object> app = new LinkedHashMap<>();
            app.put("project_name", d.projectName());
            app.put("version", d.version());
            app.put("compile_date", d.compileDate());
            app.put("compile_time", d.compileTime());
            app.put("idf_version", d.idfVersion());
            app.put("elf_sha256", d.elfSha256Hex());
            app.put("secure_version", d.secureVersion());
            m.put("app", app);
        });
        return m;
    }

    /** The same sections and labels as esptool v5's image-info, titled with the chip the header names. */
    private static void text(PrintWriter out, FirmwareImage image) {
        ImageHeader h = image.header();
        String chip = ChipRegistry.chipName(h.chipId());
        out.printf("Image size: %d bytes%n", image.fileLength());
        out.printf("Detected image type: %s%n%n", chip);
        title(out, chip + " Image Header");
        out.printf("Entry point: 0x%08x%n", h.entryAddress());
        out.printf("Segments: %d%n", h.segmentCount());
        out.printf("Flash size: %s%n", h.flashSize().label());
        out.printf("Flash freq: %s%n", h.flashFreq().label());
        out.printf("Flash mode: %s%n%n", h.flashMode());
        title(out, chip + " Extended Image Header");
        out.printf("WP pin: 0x%02x%s%n", h.wpPin(), h.wpPin() == 0xEE ? " (disabled)" : "");
        out.printf("Chip ID: %d (%s)%n", h.chipId(), chip);
        out.printf("Minimal chip revision: v%d.%d%n", h.minRevision() / 100, h.minRevision() % 100);
        out.printf("Maximal chip revision: v%d.%d%n%n", h.maxRevision() / 100, h.maxRevision() % 100);
        title(out, "Segments Information");
        out.println("Segment   Length   Load addr   File offs  Memory types");
        out.println("-------  -------  ----------  ----------  ------------");
        for (int i = 0; i < image.segments().size(); i++) {
            Segment s = image.segments().get(i);
            String types = image.chip().map(c -> c.memoryLabel(s.loadAddress())).orElse("?");
            out.printf("%7d  0x%05x  0x%08x  0x%08x  %s%n", i, s.length(), s.loadAddress(), s.headerOffset(), types);
        }
        out.println();
        title(out, chip + " Image Footer");
        out.printf("Checksum: 0x%02x (%s)%n", image.storedChecksum(),
                image.checksumValid() ? "valid" : String.format("invalid - calculated 0x%02x", image.computedChecksum()));
        if (h.hashAppended()) {
            out.printf("Validation hash: %s (%s)%n", image.storedHashHex(), image.hashValid() ? "valid" : "invalid");
        } else {
            out.println("Validation hash: none appended");
        }
        image.appDescriptor().ifPresent(d -> appText(out, d));
        out.flush();
    }

    private static void title(PrintWriter out, String title) {
        out.println(title);
        out.println("=".repeat(title.length()));
    }

    private static void appText(PrintWriter out, AppDescriptor d) {
        out.println();
        title(out, "Application Information");
        out.printf("Project name: %s%n", d.projectName());
        out.printf("App version: %s%n", d.version());
        out.printf("Compile time: %s %s%n", d.compileDate(), d.compileTime());
        out.printf("ELF file SHA256: %s%n", d.elfSha256Hex());
        out.printf("ESP-IDF: %s%n", d.idfVersion());
        out.printf("Secure version: %d%n", d.secureVersion());
    }
}
