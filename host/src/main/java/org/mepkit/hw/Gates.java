package org.mepkit.hw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The KiCad gates: ERC on the schematic, DRC with schematic parity on the board, and the
 * netlist. Guards against KiCad's silent passes: a missing schematic or rules file, parity
 * skipped ("Failed to fetch schematic netlist") and unreadable reports all count as failures.
 */
public final class Gates {

    /**
     * Counts from one report; {@code findings} lists every error and {@code warningFindings} every
     * warning, one line each; {@code file} is KiCad's JSON report (null when the check could not run).
     */
    public record Report(int errors, int warnings, int unconnected, int parity, List<String> findings,
                         List<String> warningFindings, Path file) {
        public boolean passed() {
            return errors == 0 && unconnected == 0 && findings.isEmpty();
        }
    }

    private final KicadCli cli;

    public Gates(KicadCli cli) {
        this.cli = cli;
    }

    public Report erc(Board b, Path work) {
        List<String> findings = new ArrayList<>();
        if (!Files.exists(b.schematic())) return missing(b.schematic());
        Path json = work.resolve(b.name() + "-erc.json");
        cli.runChecked(b.dir(), List.of(0, 5), "sch", "erc", "--severity-all", "--format", "json", "--exit-code-violations",
                "-o", json.toString(), b.schematic().getFileName().toString());
        JsonNode root = read(json);
        int errors = 0;
        List<String> warnings = new ArrayList<>();
        for (JsonNode sheet : root.path("sheets")) {
            for (JsonNode v : sheet.path("violations")) {
                String line = "ERC " + v.path("type").asText() + ": " + v.path("description").asText() + where(v);
                if ("error".equals(v.path("severity").asText())) {
                    errors++;
                    findings.add(line);
                } else {
                    warnings.add(line);
                }
            }
        }
        return new Report(errors, warnings.size(), 0, 0, findings, warnings, json);
    }

    public Report drc(Board b, Path work) {
        if (!Files.exists(b.pcb())) return missing(b.pcb());
        if (!Files.exists(b.schematic())) return missing(b.schematic());
        if (!Files.exists(b.rules())) return missing(b.rules());
        Path json = work.resolve(b.name() + "-drc.json");
        KicadCli.Result r = cli.runChecked(b.dir(), List.of(0, 5), "pcb", "drc", "--schematic-parity", "--severity-all",
                "--format", "json", "--exit-code-violations", "-o", json.toString(), b.pcb().getFileName().toString());
        List<String> findings = new ArrayList<>();
        if ((r.stderr() + r.stdout()).contains("Failed to fetch schematic netlist")) {
            findings.add("DRC: schematic parity was skipped (kicad-cli could not read " + b.schematic().getFileName() + ")");
        }
        JsonNode root = read(json);
        int errors = 0;
        List<String> warnings = new ArrayList<>();
        int parity = 0;
        for (String list : List.of("violations", "unconnected_items", "schematic_parity")) {
            for (JsonNode v : root.path(list)) {
                boolean error = "error".equals(v.path("severity").asText());
                if (list.equals("schematic_parity")) parity++;
                String line = "DRC " + v.path("type").asText() + ": " + v.path("description").asText() + where(v);
                if (error && !list.equals("unconnected_items")) {
                    errors++;
                    findings.add(line);
                } else if (!error) {
                    warnings.add(line);
                }
            }
        }
        int unconnected = root.path("unconnected_items").size();
        if (unconnected > 0) findings.add("DRC: " + unconnected + " unconnected items");
        return new Report(errors, warnings.size(), unconnected, parity, findings, warnings, json);
    }

    /** Exports the schematic's netlist (kicadsexpr) and parses it. */
    public Netlist netlist(Board b, Path work) {
        Path net = work.resolve(b.name() + ".net");
        cli.runChecked(b.dir(), List.of(0), "sch", "export", "netlist", "--format", "kicadsexpr", "-o", net.toString(),
                b.schematic().getFileName().toString());
        try {
            return Netlist.parse(Files.readString(net));
        } catch (IOException e) {
            throw new HwFormatException("cannot read exported netlist " + net + ": " + e.getMessage(), e);
        }
    }

    private static Report missing(Path p) {
        return new Report(1, 0, 0, 0, List.of("missing file " + p), List.of(), null);
    }

    private static String where(JsonNode v) {
        JsonNode items = v.path("items");
        return items.isEmpty() ? "" : " [" + items.get(0).path("description").asText() + "]";
    }

    private static JsonNode read(Path json) {
        try {
            return new ObjectMapper().readTree(Files.readString(json));
        } catch (IOException e) {
            throw new HwFormatException("cannot read KiCad report " + json + ": " + e.getMessage(), e);
        }
    }
}
