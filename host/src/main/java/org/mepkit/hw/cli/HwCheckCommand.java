package org.mepkit.hw.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
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

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep hw check}: the CI gates for every board (ERC, DRC + parity, pin map, variants). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Run the hardware gates on every KiCad board: ERC with 0 errors, DRC with schematic parity",
                "(0 errors, 0 unconnected), the netlist against firmware-spec's pin map, and the assembly variants",
                "(never R3 and R4 both fitted). Exit 1 when a gate fails."})
public final class HwCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--hardware", paramLabel = "DIR", description = "The hardware folder (default: ./hardware or above).")
    Path hardware;

    @Option(names = "--board", paramLabel = "NAME", description = "Check only this board (repeatable).")
    List<String> boards = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path hw = HardwareDir.resolve(hardware);
        KicadCli cli = new KicadCli();
        if (!cli.available()) {
            throw new MepException(ExitCodes.TOOL, "kicad-cli 9 not found (run hardware/tools/install-kicad.sh)");
        }
        Gates gates = new Gates(cli);
        VariantTable variants = VariantTable.load(hw.resolve("variants.json"));
        List<Board> all = Board.all(hw).stream().filter(b -> boards.isEmpty() || boards.contains(b.name())).toList();
        if (all.isEmpty()) throw new MepException(ExitCodes.BAD_INPUT, "no KiCad boards found in " + hw);
        Path work = Files.createTempDirectory("mep-hw-check");
        List<String> failures = new ArrayList<>();
        try {
            for (Board b : all) {
                long t0 = System.nanoTime();
                Gates.Report erc = gates.erc(b, work);
                Gates.Report drc = gates.drc(b, work);
                Netlist netlist = gates.netlist(b, work);
                PinMap pinMap = PinMap.forBoard(b.name());
                List<String> pins = NetlistCheck.check(netlist, pinMap);
                List<String> var = VariantCheck.checkTable(variants, netlist);
                List<String> variantGates = new ArrayList<>();
                if (var.isEmpty()) {
                    for (Variant v : variants.variants()) {
                        if (v.isDefault()) continue;   // the committed files are the default variant
                        Board copy = FabWriter.prepare(hw, b, v, work);
                        for (Gates.Report r : List.of(gates.erc(copy, work), gates.drc(copy, work))) {
                            if (!r.passed()) {
                                variantGates.add("variant " + v.name() + ": " + (r.findings().isEmpty() ? r.errors() + " errors"
                                        : r.findings().get(0)));
                            }
                        }
                    }
                }
                out.printf("%s: ERC %d errors, %d warnings; DRC %d errors, %d unconnected, %d parity issues, %d warnings;"
                                + " pin map %s; variants %s (%.1f s)%n", b.name(), erc.errors(), erc.warnings(), drc.errors(),
                        drc.unconnected(), drc.parity(), drc.warnings(),
                        pins.isEmpty() ? "ok (" + pinMap.signals().size() + " signals, " + pinMap.meterPins().size() + " J6 pads)"
                                : pins.size() + " mismatches",
                        var.isEmpty() && variantGates.isEmpty() ? "ok (" + variants.variants().size() + ", each ERC/DRC clean)"
                                : (var.size() + variantGates.size()) + " problems",
                        (System.nanoTime() - t0) / 1e9);
                for (List<String> list : List.of(erc.findings(), drc.findings(), pins, var, variantGates)) {
                    for (String f : list) {
                        out.println("  FAIL " + f);
                        failures.add(b.name() + ": " + f);
                    }
                }
            }
        } finally {
            deleteQuietly(work);
        }
        out.println(failures.isEmpty() ? "hw check: all gates passed" : "hw check: " + failures.size() + " failures");
        out.flush();
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
    }

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files only
        }
    }
}
