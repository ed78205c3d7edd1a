package org.mepkit.farm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.mepkit.bench.BenchConfig;
import org.mepkit.util.UserFiles;

/**
 * A farm: several boards benched at once. Each board is a bench config of its own (console and meter ports, local
 * or {@code rfc2217://}, power and reset commands) or a virtual board; the top level gives defaults for the key
 * file, SSID and firmware:
 * <pre>
 * name: lab-farm
 * mepKeyFile: key.txt
 * boards:
 *   - name: rack-1
 *     console: {path: "rfc2217://pi-a:4000"}
 *     meter:   {path: "rfc2217://pi-a:4001"}
 *     power:   {on: "ssh pi-a uhubctl -a on -p 2", off: "ssh pi-a uhubctl -a off -p 2"}
 *   - name: desk
 *     console: {usbSerial: A50285BI}
 *     meter:   {path: /dev/ttyUSB3}
 *     reset:   "..."
 *   - name: twin-1
 *     virtual: {max3232: genuine, seed: 1, timeScale: 20, firmware: dabbler, export: true}
 * </pre>
 * A virtual board with {@code export: true} (the default) is reached through its own ser2net on 127.0.0.1, as a
 * remote board is. A file without {@code boards} is a single bench ({@link BenchConfig}) and a farm of one.
 */
public record FarmConfig(String name, List<Board> boards) {

    /** One board: a real bench ({@code bench}) or a virtual one ({@code virtual}), never both. */
    public record Board(String name, BenchConfig bench, Virtual virtual) {
    }

    /** A virtual board of the farm; every field has a default. */
    public record Virtual(String max3232, Double timeScale, Long seed, String firmware, Boolean export) {
        public String max3232OrDefault() {
            return max3232 == null ? "genuine" : max3232;
        }

        public double timeScaleOrDefault() {
            return timeScale == null ? 20 : timeScale;
        }

        public long seedOrDefault() {
            return seed == null ? 1 : seed;
        }

        public String firmwareOrDefault() {
            return firmware == null ? "dabbler" : firmware;
        }

        public boolean exported() {
            return export == null || export;
        }
    }

    private static final Set<String> TOP = Set.of("name", "mepKeyFile", "ssid", "firmware", "boards");
    private static final List<String> INHERITED = List.of("mepKeyFile", "ssid", "firmware");

    /** Whether the file lists {@code boards} (a farm) rather than one bench; false when it cannot be read. */
    public static boolean isFarm(Path file) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(UserFiles.read(file, UserFiles.CONFIG_LIMIT, "bench config"));
            return root != null && root.has("boards");
        } catch (IOException e) {
            return false; // the single-bench reader reports what is wrong with it
        }
    }

    public static FarmConfig read(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        JsonNode root = yaml.readTree(UserFiles.read(file, UserFiles.CONFIG_LIMIT, "bench config"));
        if (root == null || !root.isObject()) throw new IOException(file + ": empty bench config");
        if (!root.has("boards")) {
            BenchConfig single = BenchConfig.read(file);
            return new FarmConfig(single.name(), List.of(new Board(boardName(single.name(), "bench"), single, null)));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!TOP.contains(key)) throw new IOException(file + ": unknown field '" + key + "' (a farm has " + String.join(", ", TOP) + ")");
        }
        JsonNode list = root.get("boards");
        if (!list.isArray() || list.isEmpty()) throw new IOException(file + ": 'boards' must list at least one board");
        List<Board> boards = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode node : list) {
            if (!node.isObject() || !node.hasNonNull("name")) throw new IOException(file + ": every board needs a 'name'");
            String name = node.get("name").asText();
            String where = file + ": board '" + name + "'";
            if (!name.matches("[A-Za-z0-9_-]+")) throw new IOException(where + ": a board name is letters, digits, '-' and '_' (it names the report folder)");
            if (!names.add(name)) throw new IOException(where + ": two boards have this name");
            boards.add(board((ObjectNode) node.deepCopy(), root, name, where, yaml));
        }
        return new FarmConfig(root.hasNonNull("name") ? root.get("name").asText() : null, List.copyOf(boards));
    }

    private static Board board(ObjectNode node, JsonNode root, String name, String where, ObjectMapper yaml) throws IOException {
        try {
            if (node.has("virtual")) {
                if (node.size() != 2) throw new IOException(where + ": a virtual board has only 'name' and 'virtual'");
                Virtual v = yaml.treeToValue(node.get("virtual"), Virtual.class);
                if (v == null) v = new Virtual(null, null, null, null, null);
                if (!(v.timeScaleOrDefault() > 0 && v.timeScaleOrDefault() <= 100)) throw new IOException(where + ": timeScale must be in (0, 100]");
                return new Board(name, null, v);
            }
            for (String key : INHERITED) {
                if (!node.has(key) && root.hasNonNull(key)) node.set(key, root.get(key));
            }
            return new Board(name, yaml.treeToValue(node, BenchConfig.class).checked(where), null);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A config's bench name as a board name, or {@code fallback}. */
    static String boardName(String name, String fallback) {
        if (name == null || name.isBlank()) return fallback;
        String cleaned = name.replaceAll("[^A-Za-z0-9_-]", "-");
        return cleaned.isEmpty() ? fallback : cleaned;
    }
}
