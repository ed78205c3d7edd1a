package org.mepkit.bsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mepkit.spec.Board;
import org.mepkit.spec.BoardRegistry;
import org.mepkit.spec.Variant;

/** Builds the files of one export from firmware-spec's registry, and writes them. */
public final class BspExporter {

    private final BoardRegistry registry;

    public BspExporter(BoardRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param variantName the default variant of the generated files; null for the recommended one
     * @throws IllegalArgumentException for an unknown board or variant (the message lists the known ones)
     */
    public List<BspFile> files(BspTarget target, String boardName, String variantName) {
        Board board = registry.require(boardName);
        BspRequest r = request(board, BspRequest.chooseVariant(board, variantName), target);
        return switch (target) {
            case ARDUINO -> ArduinoExport.files(r);
            case PLATFORMIO -> PlatformioExport.files(r);
            case IDF -> IdfExport.files(r, siblings(r));
        };
    }

    /** The exported board, then every other board of the same chip and flash layout (ESP-IDF's board choice). */
    private List<BspRequest> siblings(BspRequest r) {
        List<BspRequest> out = new ArrayList<>(List.of(r));
        for (Board b : registry.boards()) {
            if (b.name().equals(r.board().name())) continue;
            if (b.chip().equals(r.board().chip()) && b.flashLayout().equals(r.board().flashLayout())) {
                out.add(request(b, BspRequest.chooseVariant(b, null), r.target()));
            }
        }
        return out;
    }

    private BspRequest request(Board b, Optional<Variant> variant, BspTarget target) {
        return new BspRequest(b, registry.version(b), variant, target);
    }

    /** Writes {@code files} under {@code dir} (created as needed), replacing files of the same name; returns their paths. */
    public static List<Path> write(Path dir, List<BspFile> files) throws IOException {
        List<Path> written = new ArrayList<>();
        for (BspFile f : files) {
            Path p = dir.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.content());
            written.add(p);
        }
        return written;
    }
}
