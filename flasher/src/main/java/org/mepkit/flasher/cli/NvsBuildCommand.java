package org.mepkit.flasher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.option.Renamed;
import org.mepkit.esp.nvs.FirmwareNvs;
import org.mepkit.esp.nvs.NvsEntry;
import org.mepkit.esp.nvs.NvsImageWriter;
import org.mepkit.esp.partition.DefaultPartitionTables;
import org.mepkit.esp.partition.Partition;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep nvs build}: the firmware's settings as an NVS partition image, offline. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build an NVS partition image with the ESP32-MEP firmware's settings (namespace esp32-mep, validity marker).")
public final class NvsBuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProvisioningOptions settings;

    @Mixin
    OutputOptions output;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write the image.")
    Path out;

    @Option(names = "--output", hidden = true, paramLabel = "FILE")
    void oldOutput(Path file) {
        Renamed.note(spec, "--output", "--out");
        out = file;
    }

    @Option(names = "--size", paramLabel = "BYTES", description = "Partition size (default: the firmware's nvs partition, 0x5000).")
    String size;

    @Override
    public Integer call() {
        if (out == null) throw new MepException(ExitCodes.USAGE, "missing option -o, --out FILE: where to write the image");
        int bytes = size == null ? defaultSize() : parseSize(size);
        if (bytes > MAX_SIZE) throw new MepException(ExitCodes.USAGE, "--size must be at most 16 MB (0x1000000), the largest ESP32 flash");
        Map<String, String> values = settings.values();
        List<NvsEntry> entries = FirmwareNvs.entries(values);
        CliFiles.writePrivate(out, NvsImageWriter.write(entries, bytes)); // holds the Wi-Fi password and the MEP key
        List<String> keys = entries.stream().map(NvsEntry::key).toList();
        PrintWriter w = spec.commandLine().getOut();
        if (output.json()) {
            OutputOptions.printJson(w, Map.of("file", out.toString(), "size", bytes, "namespace", FirmwareNvs.NAMESPACE, "keys", keys));
        } else {
            w.printf("wrote %s: %d bytes, namespace %s, keys: %s%n", out, bytes, FirmwareNvs.NAMESPACE, String.join(", ", keys));
            w.flush();
        }
        return ExitCodes.OK;
    }

    static final int MAX_SIZE = 0x100_0000;

    static int defaultSize() {
        return (int) DefaultPartitionTables.esp32Mep4Mb().nvs().map(Partition::size).orElse(0x5000L).longValue();
    }

    static int parseSize(String text) {
        return parseBytes(text).orElseThrow(() ->
                new IllegalArgumentException("--size must be a number of bytes (decimal or 0x hex): " + text));
    }

    /** A count or offset of bytes, decimal or {@code 0x} hex, not negative; empty when it is none. */
    static java.util.OptionalInt parseBytes(String text) {
        try {
            String t = text.strip().toLowerCase(java.util.Locale.ROOT);
            int n = t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
            return n < 0 || t.startsWith("+") ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(n);
        } catch (NumberFormatException e) {
            return java.util.OptionalInt.empty();
        }
    }
}
