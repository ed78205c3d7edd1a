package org.mepkit.hw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A KiCad project folder {@code hardware/<name>/} holding {@code <name>.kicad_pro/.kicad_sch/.kicad_pcb}. */
public record Board(String name, Path dir) {

    public Path schematic() {
        return dir.resolve(name + ".kicad_sch");
    }

    public Path pcb() {
        return dir.resolve(name + ".kicad_pcb");
    }

    public Path project() {
        return dir.resolve(name + ".kicad_pro");
    }

    public Path rules() {
        return dir.resolve(name + ".kicad_dru");
    }

    /** Every board under the hardware folder (folders that contain a matching .kicad_pro). */
    public static List<Board> all(Path hardware) {
        try (Stream<Path> s = Files.list(hardware)) {
            return s.filter(Files::isDirectory)
                    .map(d -> new Board(d.getFileName().toString(), d))
                    .filter(b -> Files.exists(b.project()))
                    .sorted((a, b) -> a.name().compareTo(b.name()))
                    .toList();
        } catch (IOException e) {
            throw new HwFormatException("cannot list " + hardware + ": " + e.getMessage(), e);
        }
    }
}
