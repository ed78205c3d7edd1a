package org.mepkit.hw.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.hw.Board;
import org.mepkit.spec.BoardRegistry;
import org.mepkit.spec.UnknownBoardException;

/** Finds the repository's {@code hardware/} folder: the given one, or the nearest above the working directory. */
final class HardwareDir {

    private HardwareDir() {
    }

    static Path resolve(Path given) {
        if (given != null) {
            if (!Files.isRegularFile(given.resolve("variants.json"))) {
                throw new MepException(ExitCodes.BAD_INPUT, given + " is not a mepkit hardware folder (no variants.json)");
            }
            return given.toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("hardware/variants.json"))) return p.resolve("hardware");
        }
        throw new MepException(ExitCodes.BAD_INPUT, "no hardware/ folder found above " + Path.of("").toAbsolutePath()
                + " (use --hardware DIR)");
    }

    /**
     * The KiCad boards in {@code hw} that {@code names} asks for (all when empty). A name may be a
     * {@code mep board list} alias ({@code esp32-mep} is the family default).
     *
     * @throws UnknownBoardException for a name with no KiCad files here, like any unknown board
     */
    static List<Board> select(Path hw, List<String> names) {
        List<Board> all = Board.all(hw);
        if (names.isEmpty()) return all;
        BoardRegistry registry = BoardRegistry.load();
        List<Board> chosen = new ArrayList<>();
        for (String name : names) {
            String wanted = registry.resolve(name);
            Board board = all.stream().filter(b -> b.name().equalsIgnoreCase(wanted)).findFirst().orElseThrow(() -> {
                List<String> known = new ArrayList<>();
                registry.aliases().forEach((alias, target) -> {
                    if (all.stream().anyMatch(b -> b.name().equals(target))) known.add(alias);
                });
                all.forEach(b -> known.add(b.name()));
                return new UnknownBoardException(name, known);
            });
            if (!chosen.contains(board)) chosen.add(board);
        }
        return chosen;
    }
}
