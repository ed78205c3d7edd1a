package org.mepkit.hw.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.progress.Progress;
import org.mepkit.hw.Board;
import org.mepkit.hw.FabWriter;
import org.mepkit.hw.Gates;
import org.mepkit.hw.KicadCli;
import org.mepkit.hw.Netlist;
import org.mepkit.hw.NetlistCheck;
import org.mepkit.hw.PinMap;
import org.mepkit.hw.Variant;
import org.mepkit.hw.VariantCheck;
import org.mepkit.hw.VariantTable;
import org.mepkit.util.Scratch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep hw check}: the CI gates for every board (ERC, DRC + parity, pin map, variants). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the hardware gates on every KiCad board: ERC with 0 errors, DRC with schematic parity "
                + "(0 errors, 0 unconnected), the netlist against firmware-spec's pin map, and the assembly variants "
                + "(never R3 and R4 both fitted). Every error and warning is listed; KiCad's reports are kept in --out. Exit 1 when a gate fails.")
public final class HwCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--hardware", paramLabel = "DIR", description = "The hardware folder (default: ./hardware or above).")
    Path hardware;

    @Option(names = "--board", paramLabel = "NAME", description = "Check only this board (repeatable; esp32-mep is the family default).")
    List<String> boards = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Where KiCad's ERC and DRC reports are kept, per board (default: <hardware>/out/check).")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        Path hw = HardwareDir.resolve(hardware);
        List<Board> all = HardwareDir.select(hw, boards);
        if (all.isEmpty()) throw new MepException(ExitCodes.BAD_INPUT, "no KiCad boards found in " + hw);
        KicadCli cli = new KicadCli();
        if (!cli.available()) {
            throw new MepException(ExitCodes.TOOL, "kicad-cli 9 not found (run hardware/tools/install-kicad.sh)");
        }
        // absolute: kicad-cli runs in each project's folder, where a relative --out would land
        Path reports = (out != null ? out : hw.resolve("out").resolve("check")).toAbsolutePath();
        Gates gates = new Gates(cli);
        VariantTable variants = VariantTable.load(hw.resolve("variants.json"));
        List<String> failures = new ArrayList<>();
        List<Map<String, Object>> json = new ArrayList<>();
        try (Scratch scratch = Scratch.create("hw-check"); Progress progress = Progress.stderr(spec, "hw check")) {
            Path work = scratch.dir();
            int n = 0;
            for (Board b : all) {
                n++;
                String at = b.name() + " (" + n + "/" + all.size() + ")";
                long t0 = System.nanoTime();
                Path dir = Files.createDirectories(reports.resolve(b.name()));
                progress.update(at + ": ERC");
                Gates.Report erc = gates.erc(b, dir);
                progress.update(at + ": DRC with schematic parity");
                Gates.Report drc = gates.drc(b, dir);
                progress.update(at + ": netlist and pin map");
                Netlist netlist = gates.netlist(b, work);
                PinMap pinMap = PinMap.forBoard(b.name());
                List<String> pins = NetlistCheck.check(netlist, pinMap);
                List<String> var = VariantCheck.checkTable(variants, netlist);
                List<String> variantGates = new ArrayList<>();
                List<String> variantWarnings = new ArrayList<>();
                if (var.isEmpty()) {
                    for (Variant v : variants.variants()) {
                        if (v.isDefault()) continue;   // the committed files are the default variant
                        progress.update(at + ": variant " + v.name() + " ERC and DRC");
                        Board copy = FabWriter.prepare(hw, b, v, work);
                        Path variantDir = Files.createDirectories(dir.resolve("variant-" + v.name()));
                        for (Gates.Report r : List.of(gates.erc(copy, variantDir), gates.drc(copy, variantDir))) {
                            if (!r.passed()) {
                                variantGates.add("variant " + v.name() + ": " + (r.findings().isEmpty() ? r.errors() + " errors"
                                        : r.findings().get(0)));
                            }
                            r.warningFindings().forEach(f -> variantWarnings.add("variant " + v.name() + ": " + f));
                        }
                    }
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                progress.close();
                if (!output.json()) {
                    w.printf("%s: ERC %d errors, %d warnings; DRC %d errors, %d unconnected, %d parity issues, %d warnings;"
                                    + " pin map %s; variants %s (%.1f s)%n", b.name(), erc.errors(), erc.warnings(), drc.errors(),
                            drc.unconnected(), drc.parity(), drc.warnings(),
                            pins.isEmpty() ? "ok (" + pinMap.signals().size() + " signals, " + pinMap.meterPins().size() + " J6 pads)"
                                    : pins.size() + " mismatches",
                            var.isEmpty() && variantGates.isEmpty() ? "ok (" + variants.variants().size() + ", each ERC/DRC clean)"
                                    : (var.size() + variantGates.size()) + " problems",
                            seconds);
                }
                List<String> boardFailures = new ArrayList<>();
                for (List<String> list : List.of(erc.findings(), drc.findings(), pins, var, variantGates)) boardFailures.addAll(list);
                List<String> warnings = new ArrayList<>(erc.warningFindings());
                warnings.addAll(drc.warningFindings());
                warnings.addAll(variantWarnings);
                if (!output.json()) {
                    boardFailures.forEach(f -> w.println("  FAIL " + f));
                    warnings.forEach(f -> w.println("  WARN " + f));
                    w.println("  reports: " + dir);
                    w.flush();
                }
                boardFailures.forEach(f -> failures.add(b.name() + ": " + f));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("board", b.name());
                m.put("passed", boardFailures.isEmpty());
                m.put("erc", Map.of("errors", erc.errors(), "warnings", erc.warnings()));
                m.put("drc", Map.of("errors", drc.errors(), "unconnected", drc.unconnected(), "parity", drc.parity(),
                        "warnings", drc.warnings()));
                m.put("failures", boardFailures);
                m.put("warnings", warnings);
                m.put("report_dir", dir.toString());
                m.put("seconds", Math.round(seconds * 10) / 10.0);
                json.add(m);
            }
        }
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("passed", failures.isEmpty());
            m.put("boards", json);
            m.put("report_dir", reports.toString());
            OutputOptions.printJson(w, m);
        } else {
            w.println(failures.isEmpty() ? "hw check: all gates passed" : "hw check: " + failures.size() + " failures");
        }
        w.flush();
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
    }
}
