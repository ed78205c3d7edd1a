package org.mepkit.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
    private final Map<String, String> aliases;

    private BoardRegistry(List<Board> boards, Map<String, SpecVersion> versions, Map<String, String> aliases) {
        this.boards = List.copyOf(boards);
        this.versions = Map.copyOf(versions);
        this.aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
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
        Map<String, String> aliases = new LinkedHashMap<>();
        index.path("aliases").fields().forEachRemaining(a -> {
            String target = a.getValue().asText();
            if (boards.stream().noneMatch(b -> b.name().equals(target))) {
                throw new SpecException(SpecReader.BASE + INDEX + ": alias " + a.getKey() + " names no board: " + target);
            }
            aliases.put(a.getKey(), target);
        });
        return new BoardRegistry(boards, versions, aliases);
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
                reader.firmwareBuild(SpecReader.text(b, "build", f)), SpecReader.text(b, "url", f),
                b.path("autoReset").asBoolean(false));
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

    /**
     * Short names for boards: {@code esp32-mep} is the family default (what {@code --board} means when
     * not given), {@code esp32-mep-c3} the C3 board. Alias -> board name, in file order.
     */
    public Map<String, String> aliases() {
        return aliases;
    }

    /** The board's own name for a board name or an alias (any case); the name unchanged when it is neither. */
    public String resolve(String name) {
        for (Map.Entry<String, String> a : aliases.entrySet()) {
            if (a.getKey().equalsIgnoreCase(name)) return a.getValue();
        }
        return name;
    }

    /** Every name {@code --board} accepts: the aliases, then the boards. */
    public List<String> names() {
        List<String> names = new ArrayList<>(aliases.keySet());
        names.addAll(boards.stream().map(Board::name).toList());
        return names;
    }

    /** The board with this name or alias. */
    public Optional<Board> find(String name) {
        String wanted = resolve(name);
        return boards.stream().filter(b -> b.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /** @throws UnknownBoardException naming the known boards and aliases when {@code name} is neither */
    public Board require(String name) {
        return find(name).orElseThrow(() -> new UnknownBoardException(name, names()));
    }
}
