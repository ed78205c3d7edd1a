package org.mepkit.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The boards mepkit knows, loaded from {@code org/mepkit/spec/boards.json} and the files it
 * names. Loading checks the data (unique names, a sane partition table) so a bad edit fails the
 * build's tests, not a user's flash.
 */
public final class BoardRegistry {

    static final String INDEX = "boards.json";

    private final List<Board> boards;

    private BoardRegistry(List<Board> boards) {
        this.boards = List.copyOf(boards);
    }

    /** @throws SpecException when a resource is missing or malformed */
    public static BoardRegistry load() {
        SpecReader reader = new SpecReader();
        JsonNode index = reader.resource(INDEX);
        List<Board> boards = new ArrayList<>();
        for (JsonNode b : SpecReader.array(index, "boards", INDEX)) {
            Board board = board(reader, b);
            if (boards.stream().anyMatch(known -> known.name().equals(board.name()))) {
                throw new SpecException(SpecReader.BASE + INDEX + ": board " + board.name() + " is listed twice");
            }
            boards.add(board);
        }
        return new BoardRegistry(boards);
    }

    private static Board board(SpecReader reader, JsonNode b) {
        String f = INDEX;
        List<Variant> variants = new ArrayList<>();
        for (JsonNode v : SpecReader.array(b, "variants", f)) {
            variants.add(new Variant(SpecReader.text(v, "name", f), SpecReader.text(v, "max3232Supply", f),
                    v.path("switchable").asBoolean(false), v.path("recommended").asBoolean(false),
                    SpecReader.text(v, "description", f)));
        }
        FlashLayout layout = reader.flashLayout(SpecReader.text(b, "flashLayout", f));
        FlashLayoutCheck.check(layout);
        return new Board(SpecReader.text(b, "name", f), SpecReader.text(b, "title", f), SpecReader.text(b, "chip", f),
                SpecReader.text(b, "module", f),
                Board.Form.valueOf(SpecReader.text(b, "form", f).toUpperCase(Locale.ROOT)),
                reader.pinMap(SpecReader.text(b, "pinMap", f)), layout,
                SpecReader.number(b, "bootloaderOffset", f),
                reader.uart(SpecReader.required(b, "console", f), f),
                reader.uart(SpecReader.required(b, "meterLine", f), f),
                reader.nvs(SpecReader.text(b, "nvs", f)), variants, SpecReader.text(b, "source", f),
                b.path("autoReset").asBoolean(false));
    }

    public List<Board> boards() {
        return boards;
    }

    public Optional<Board> find(String name) {
        return boards.stream().filter(b -> b.name().equalsIgnoreCase(name)).findFirst();
    }

    /** @throws IllegalArgumentException naming the known boards when {@code name} is not one */
    public Board require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown board '" + name + "' (known: "
                + boards.stream().map(Board::name).collect(Collectors.joining(", ")) + ")"));
    }
}
