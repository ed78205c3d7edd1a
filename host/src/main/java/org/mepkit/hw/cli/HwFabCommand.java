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
import org.mepkit.cli.Interrupts;
import org.mepkit.hw.FabManifest;
import org.mepkit.hw.FabWriter;
import org.mepkit.report.ReportInfo;
import org.mepkit.hw.KicadCli;
import org.mepkit.hw.Variant;
import org.mepkit.hw.VariantCheck;
import org.mepkit.hw.VariantTable;
import org.mepkit.util.Scratch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep hw fab}: Gerbers, drill, BOM, CPL, schematic PDF and renders per board and variant, zipped. */
@Command(name = "fab", mixinStandardHelpOptions = true,
        description = "Write fabrication outputs per board and assembly variant into <out>/<board>/<variant>/ "
                + "(Gerbers + drill and their upload zip, BOM, JLCPCB BOM and CPL, schematic PDF, top/bottom renders, "
                + "assembly drawings) and <out>/<board>/<board>-<variant>.zip. Each variant must pass ERC and DRC with parity "
                + "first, and its JLCPCB BOM and CPL must match one for one (exit 1 otherwise).")
public final class HwFabCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--hardware", paramLabel = "DIR", description = "The hardware folder (default: ./hardware or above).")
    Path hardware;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "Output folder (default: <hardware>/out).")
    Path out;

    @Option(names = "--board", paramLabel = "NAME", description = "Only this board (repeatable; esp32-mep is the family default).")
    List<String> boards = new ArrayList<>();

    @Option(names = "--variant", paramLabel = "NAME", description = "Only this variant (repeatable; default: all).")
    List<String> variantNames = new ArrayList<>();

    @Option(names = "--set", paramLabel = "REF=VALUE", description = "Override a selectable value, e.g. --set R5=100R.")
    Map<String, String> values = new LinkedHashMap<>();

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        Path hw = HardwareDir.resolve(hardware);
        List<Board> all = HardwareDir.select(hw, boards);
        if (all.isEmpty()) throw new MepException(ExitCodes.BAD_INPUT, "no matching KiCad boards in " + hw);
        Path outRoot = (out != null ? out : hw.resolve("out")).toAbsolutePath(); // kicad-cli runs in the project folders
        VariantTable table = VariantTable.load(hw.resolve("variants.json"));
        List<Variant> chosen = new ArrayList<>();
        if (variantNames.isEmpty()) {
            chosen.addAll(table.variants());
        } else {
            for (String n : variantNames) {
                chosen.add(table.byName(n).orElseThrow(() -> new MepException(ExitCodes.BAD_INPUT, "unknown variant " + n
                        + " (known: " + table.variants().stream().map(Variant::name).toList() + ")")));
            }
        }
        chosen.replaceAll(v -> v.withValues(values));
        for (Variant v : chosen) {
            List<String> problems = VariantCheck.check(v, table, null);
            if (!problems.isEmpty()) throw new MepException(ExitCodes.BAD_INPUT, problems.get(0));
        }
        KicadCli cli = new KicadCli();
        if (!cli.available()) throw new MepException(ExitCodes.TOOL, "kicad-cli 9 not found (run hardware/tools/install-kicad.sh)");
        FabWriter writer = new FabWriter(cli);
        List<String> planned = new ArrayList<>();
        for (Board b : all) for (Variant v : chosen) planned.add(b.name() + " " + v.name());
        FabManifest manifest = new FabManifest(outRoot, ReportInfo.now(String.join(", ", all.stream().map(Board::name).toList()),
                "not involved (fabrication outputs)"), planned);
        List<Map<String, Object>> written = new ArrayList<>();
        try (Scratch scratch = Scratch.create("hw-fab"); Progress progress = Progress.stderr(spec, "hw fab")) {
            Path work = scratch.dir();
            for (Board b : all) {
                for (Variant v : chosen) {
                    progress.update(written.size(), planned.size(), b.name() + " " + v.name() + ": ERC, DRC, Gerbers, BOM, CPL, PDF, renders");
                    long t0 = System.nanoTime();
                    FabWriter.Output o;
                    try {
                        o = writer.write(hw, b, v, outRoot, work);
                    } catch (MepException e) {
                        if (e.exitCode() != ExitCodes.INTERRUPTED && !Interrupts.requested()) throw e;
                        manifest.interrupted(b, v);
                        throw new MepException(ExitCodes.INTERRUPTED, "hw fab interrupted during " + b.name() + " " + v.name()
                                + ": " + manifest.finishedCount() + " of " + planned.size() + " variants complete, listed in "
                                + manifest.file());
                    }
                    manifest.finished(b, v, o);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("board", b.name());
                    m.put("variant", v.name());
                    m.put("folder", o.folder().toString());
                    m.put("zip", o.zip().toString());
                    m.put("files", o.files().size());
                    m.put("seconds", Math.round(seconds * 10) / 10.0);
                    m.put("jlcpcbPlaced", o.jlc().placed().size());
                    m.put("handSoldered", o.jlc().handSoldered().size());
                    written.add(m);
                    if (!output.json()) {
                        progress.close();
                        w.printf("%s %s: %d files in %s, zip %s; JLCPCB BOM and CPL match: %d parts placed, %d hand-soldered (%.1f s)%n",
                                b.name(), v.name(), o.files().size(), o.folder(), o.zip(), o.jlc().placed().size(),
                                o.jlc().handSoldered().size(), seconds);
                        w.flush();
                    }
                }
            }
            if (output.json()) {
                OutputOptions.printJson(w, Map.of("out", outRoot.toString(), "manifest", manifest.file().toString(), "outputs", written));
            } else {
                w.println("manifest: " + manifest.file());
            }
        }
        return ExitCodes.OK;
    }
}
