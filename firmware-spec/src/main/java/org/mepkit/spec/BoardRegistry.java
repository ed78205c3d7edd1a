package org.mepkit.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** The boards.json fields that name another resource: a board's data digest covers those files too. */
    private static final List<String> FILE_FIELDS = List.of("pinMap", "flashLayout", "nvs", "build");

    private final List<Board> boards;
    private final Map<String, SpecVersion> versions;

    private BoardRegistry(List<Board> boards, Map<String, SpecVersion> versions) {
        this.boards = List.copyOf(boards);
        this.versions = Map.copyOf(versions);
    }

    /** @throws SpecException when a resource is missing or malformed */
    public static BoardRegistry load() {
        SpecReader reader = new SpecReader();
        JsonNode index = reader.resource(INDEX);
        List<Board> boards = new ArrayList<>();
        Map<String, SpecVersion> versions = new HashMap<>();
        String release = SpecReader.version();
        for (JsonNode b : SpecReader.array(index, "boards", INDEX)) {
            Board board = board(reader, b);
            if (boards.stream().anyMatch(known -> known.name().equals(board.name()))) {
                throw new SpecException(SpecReader.BASE + INDEX + ": board " + board.name() + " is listed twice");
            }
            boards.add(board);
            versions.put(board.name(), new SpecVersion(release, digest(reader, b)));
        }
        return new BoardRegistry(boards, versions);
    }

    private static String digest(SpecReader reader, JsonNode entry) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(SpecReader.json(entry).getBytes(StandardCharsets.UTF_8));
            for (String field : FILE_FIELDS) {
                if (entry.hasNonNull(field)) sha.update(reader.bytes(entry.get(field).asText()));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JRE", e);
        }
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
                reader.firmwareBuild(SpecReader.text(b, "build", f)), SpecReader.text(b, "url", f));
    }

    public List<Board> boards() {
        return boards;
    }

    /** Which firmware-spec release and which data this board's facts are: what generated files cite. */
    public SpecVersion version(Board board) {
        SpecVersion v = versions.get(board.name());
        if (v == null) throw new IllegalArgumentException("board " + board.name() + " is not from this registry");
        return v;
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
