package org.mepkit.flasher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.esp.nvs.NvsEntry;
import org.mepkit.esp.nvs.NvsReader;
import org.mepkit.report.Redactor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mep nvs dump FILE}: pages and keys of an NVS image, every CRC checked; secrets hidden unless asked. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "List the pages and keys of an NVS partition image (checks every CRC). Secret values show as *** unless --show-secrets.")
public final class NvsDumpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "FILE", description = "An NVS partition image (e.g. read back with esptool read_flash 0x9000 0x5000).")
    Path file;

    @Option(names = "--show-secrets", description = "Print passwords and the MEP key in clear.")
    boolean showSecrets;

    @Override
    public Integer call() {
        NvsReader.Contents contents;
        try {
            contents = NvsReader.read(CliFiles.read(file));
        } catch (IllegalArgumentException e) { // the file is no NVS image: say which file
            throw new MepException(ExitCodes.BAD_INPUT, file + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (NvsEntry e : contents.entries()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("namespace", e.namespace());
                m.put("key", e.key());
                m.put("type", e.value().type().name().toLowerCase(java.util.Locale.ROOT));
                m.put("value", value(e));
                entries.add(m);
            }
            OutputOptions.printJson(out, Map.of("file", file.toString(), "pages", contents.pages(), "entries", entries));
            return ExitCodes.OK;
        }
        for (NvsReader.PageInfo p : contents.pages()) {
            out.printf("page %d: %s%s%n", p.index(), p.state(),
                    p.sequence() < 0 ? "" : ", seq " + p.sequence() + ", " + p.writtenEntries() + " entries written");
        }
        for (NvsEntry e : contents.entries()) {
            out.printf("%-15s %-15s %-8s %s%n", e.namespace(), e.key(), e.value().type().name().toLowerCase(java.util.Locale.ROOT), value(e));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private String value(NvsEntry e) {
        return showSecrets ? e.value().display() : Redactor.displayValue(e.key(), e.value().display());
    }
}
