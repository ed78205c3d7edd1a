package org.mepkit.hw;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;

/**
 * Writes the fabrication outputs of one board in one assembly variant: Gerbers and drill files
 * (plus their own zip for upload), KiCad BOM and positions, JLCPCB BOM and CPL, the schematic
 * PDF, top/bottom renders and assembly drawings (courtyards and values), all in
 * {@code <out>/<board>/<variant>/} and zipped beside it. The variant is applied to a temporary
 * copy of the project, which must pass ERC and DRC with schematic parity before anything is
 * written; the JLCPCB BOM and CPL must pass {@link JlcCheck} or nothing is zipped.
 */
public final class FabWriter {

    private static final String LAYERS = "F.Cu,B.Cu,F.Paste,B.Paste,F.Silkscreen,B.Silkscreen,F.Mask,B.Mask,Edge.Cuts";

    private final KicadCli cli;
    private final Gates gates;

    public FabWriter(KicadCli cli) {
        this.cli = cli;
        this.gates = new Gates(cli);
    }

    /** Result: the folder, the zip, the files written and the JLCPCB check. */
    public record Output(Path folder, Path zip, List<Path> files, JlcCheck.Result jlc) {
    }

    public Output write(Path hardware, Board board, Variant variant, Path outRoot, Path work) throws IOException {
        Board copy = prepare(hardware, board, variant, work);
        Gates.Report erc = gates.erc(copy, work);
        Gates.Report drc = gates.drc(copy, work);
        if (!erc.passed() || !drc.passed()) {
            List<String> f = new ArrayList<>(erc.findings());
            f.addAll(drc.findings());
            throw new MepException(ExitCodes.VERDICT_FAILED, board.name() + " variant " + variant.name()
                    + " fails the KiCad checks: " + (f.isEmpty() ? "errors reported" : f.get(0)));
        }

        Path dir = outRoot.resolve(board.name()).resolve(variant.name());
        deleteTree(dir);
        Path gerbers = Files.createDirectories(dir.resolve("gerbers"));
        String pcb = copy.pcb().getFileName().toString();
        String sch = copy.schematic().getFileName().toString();
        Path d = copy.dir();
        List<Integer> ok = List.of(0);
        cli.runChecked(d, ok, "pcb", "export", "gerbers", "-o", gerbers + "/", "--layers", LAYERS, "--subtract-soldermask",
                "--no-x2", "--no-netlist", pcb);
        cli.runChecked(d, ok, "pcb", "export", "drill", "-o", gerbers + "/", "--format", "excellon", "--excellon-separate-th",
                "--generate-map", "--map-format", "gerberx2", pcb);
        Path pos = dir.resolve("positions.csv");
        cli.runChecked(d, ok, "pcb", "export", "pos", "--format", "csv", "--units", "mm", "--side", "both", "--exclude-dnp",
                "--use-drill-file-origin", "-o", pos.toString(), pcb);
        Path bom = dir.resolve("bom.csv");
        cli.runChecked(d, ok, "sch", "export", "bom", "--fields", "Reference,Value,Footprint,MPN,LCSC,Assembly,${QUANTITY}",
                "--labels", "Reference,Value,Footprint,MPN,LCSC,Assembly,Quantity", "--group-by", "Value,Footprint,MPN,LCSC,Assembly",
                "--ref-range-delimiter", "", "--exclude-dnp", "-o", bom.toString(), sch);
        cli.runChecked(d, ok, "sch", "export", "pdf", "-o", dir.resolve("schematic.pdf").toString(), sch);
        for (String side : List.of("top", "bottom")) {
            cli.runChecked(d, ok, "pcb", "render", "--side", side, "-w", "1600", "-h", "700", "--zoom", "1.6",
                    "-o", dir.resolve("render-" + side + ".png").toString(), pcb);
        }
        for (String side : List.of("top", "bottom")) {
            String l = side.equals("top") ? "F" : "B";
            List<String> args = new ArrayList<>(List.of("pcb", "export", "svg", "--mode-single", "--page-size-mode", "2",
                    "--exclude-drawing-sheet", "--layers", l + ".Fab," + l + ".Courtyard,Edge.Cuts", "-o",
                    dir.resolve("assembly-" + side + ".svg").toString()));
            if (side.equals("bottom")) args.add("--mirror");
            args.add(pcb);
            cli.runChecked(d, ok, args.toArray(String[]::new));
        }
        String kicadBom = Files.readString(bom);
        String kicadPos = Files.readString(pos);
        String jlcBom = JlcFormat.bom(kicadBom);
        String jlcCpl = JlcFormat.cpl(kicadPos, JlcFormat.designators(jlcBom), JlcRotations.load(hardware.resolve(JlcRotations.FILE)));
        Files.writeString(dir.resolve("bom-jlcpcb.csv"), jlcBom);
        Files.writeString(dir.resolve("cpl-jlcpcb.csv"), jlcCpl);
        JlcCheck.Result check = JlcCheck.check(kicadBom, kicadPos, jlcBom, jlcCpl, JlcRotations.load(hardware.resolve(JlcRotations.FILE)));
        if (!check.passed()) {
            throw new MepException(ExitCodes.VERDICT_FAILED, board.name() + " variant " + variant.name()
                    + ": the JLCPCB BOM and CPL do not match (" + check.findings().size() + " findings): " + check.findings().get(0));
        }
        String schText = Files.readString(copy.schematic());
        Files.writeString(dir.resolve("README.txt"), readme(board, variant, check, ref -> schText.contains("(property \"Reference\" \"" + ref + "\"")),
                StandardCharsets.UTF_8);
        zip(gerbers, dir.resolve(board.name() + "-" + variant.name() + "-gerbers.zip"));
        Path zip = outRoot.resolve(board.name()).resolve(board.name() + "-" + variant.name() + ".zip");
        zip(dir, zip);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        return new Output(dir, zip, files, check);
    }

    /**
     * Copies the board's project (and the project footprint library) under {@code work} and applies
     * the variant to the copy's schematic and board. Returns the copy.
     */
    public static Board prepare(Path hardware, Board board, Variant variant, Path work) throws IOException {
        Path copyRoot = work.resolve(board.name() + "-" + variant.name());
        Path projDir = copyRoot.resolve(board.name());
        copyTree(board.dir(), projDir);
        copyTree(hardware.resolve("lib"), copyRoot.resolve("lib"));
        Board copy = new Board(board.name(), projDir);
        var refs = VariantApplier.refs(variant);
        Files.writeString(copy.schematic(), VariantApplier.schematic(Files.readString(copy.schematic()), variant, refs));
        Files.writeString(copy.pcb(), VariantApplier.board(Files.readString(copy.pcb()), variant, refs));
        return copy;
    }

    private static String readme(Board b, Variant v, JlcCheck.Result check, java.util.function.Predicate<String> has) {
        StringBuilder s = new StringBuilder();
        s.append(b.name()).append(", assembly variant ").append(v.name()).append(": ").append(v.description()).append('\n');
        s.append("Not fitted: ").append(v.fitted().entrySet().stream().filter(e -> !e.getValue()).map(e -> e.getKey())
                .filter(has).sorted().toList()).append('\n');
        s.append("Values: ").append(new java.util.TreeMap<>(v.values())).append('\n');
        v.jumpers().entrySet().stream().filter(e -> has.test(e.getKey())).forEach(e -> appendJumper(s, e.getKey(), e.getValue()));
        s.append("Upload *-gerbers.zip as the PCB; bom-jlcpcb.csv and cpl-jlcpcb.csv for assembly.\n");
        s.append("JLCPCB places ").append(check.placed().size()).append(" parts: ").append(String.join(" ", check.placed())).append('\n');
        s.append("Hand-soldered (not in the JLCPCB files): ").append(String.join(" ", check.handSoldered())).append('\n');
        s.append("CPL angles are corrected per footprint from hardware/jlc-rotations.csv; check them in JLCPCB's preview.\n");
        s.append("assembly-top.svg / assembly-bottom.svg: where each part sits (courtyards, references, values).\n");
        if (has.test(VariantCheck.R_PERMANENT)) s.append("Fit R3 OR R4, never both.\n");
        return s.toString();
    }

    private static void appendJumper(StringBuilder s, String ref, String pads) {
        s.append(ref).append(": pads ").append(pads).append(" bridged")
                .append(pads.equals("1-2") ? " (as made)" : " (cut the 1-2 trace, bridge " + pads + " with solder)").append('\n');
    }

    static void zip(Path dir, Path zipFile) throws IOException {
        Files.createDirectories(zipFile.getParent());
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.equals(zipFile)).sorted().toList();
        }
        try (OutputStream os = Files.newOutputStream(zipFile); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Path f : files) {
                ZipEntry e = new ZipEntry(dir.relativize(f).toString().replace('\\', '/'));
                e.setTime(0);
                z.putNextEntry(e);
                Files.copy(f, z);
                z.closeEntry();
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
