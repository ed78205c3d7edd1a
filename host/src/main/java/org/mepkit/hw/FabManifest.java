package org.mepkit.hw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.mepkit.report.ReportInfo;

/**
 * {@code <out>/fab-manifest.json}: what one {@code mep hw fab} run wrote, rewritten after every board and
 * variant, so a run that stops (a failed check, Ctrl-C) leaves a manifest of the outputs that are complete.
 * A variant interrupted half-way has its folder and zip removed (half a Gerber set must not pass for one) and
 * is named in {@code interrupted_during}.
 */
public final class FabManifest {

    public static final String FILE = "fab-manifest.json";

    private final Path outRoot;
    private final ReportInfo info;
    private final List<String> planned;
    private final List<Map<String, Object>> finished = new ArrayList<>();
    private String interruptedDuring;

    /** @param planned every {@code board variant} the run is to write, in order */
    public FabManifest(Path outRoot, ReportInfo info, List<String> planned) {
        this.outRoot = outRoot;
        this.info = info;
        this.planned = List.copyOf(planned);
    }

    public void finished(Board board, Variant variant, FabWriter.Output output) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("board", board.name());
        m.put("variant", variant.name());
        m.put("folder", outRoot.relativize(output.folder()).toString());
        m.put("zip", outRoot.relativize(output.zip()).toString());
        m.put("files", output.files().size());
        finished.add(m);
        write();
    }

    /** Ctrl-C while {@code board}/{@code variant} was being written: its partial outputs go, the manifest says so. */
    public void interrupted(Board board, Variant variant) throws IOException {
        interruptedDuring = board.name() + " " + variant.name();
        deleteTree(outRoot.resolve(board.name()).resolve(variant.name()));
        Files.deleteIfExists(outRoot.resolve(board.name()).resolve(board.name() + "-" + variant.name() + ".zip"));
        write();
    }

    public int finishedCount() {
        return finished.size();
    }

    public Path file() {
        return outRoot.resolve(FILE);
    }

    public void write() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        info.fields().forEach((k, v) -> {
            if (!k.equals("firmware")) m.put(k, v);
        });
        m.put("interrupted", interruptedDuring != null);
        m.put("interrupted_during", interruptedDuring);
        m.put("finished", finished);
        List<String> done = finished.stream().map(f -> f.get("board") + " " + f.get("variant")).toList();
        m.put("not_written", planned.stream().filter(p -> !done.contains(p)).toList());
        Files.createDirectories(outRoot);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file().toFile(), m);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
