package org.mepkit.spec;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the JSON resources under {@code org/mepkit/spec/}, naming the file and field of any defect. */
final class SpecReader {

    static final String BASE = "/org/mepkit/spec/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> cache = new HashMap<>();

    JsonNode resource(String file) {
        try {
            return JSON.readTree(bytes(file));
        } catch (IOException e) {
            throw new SpecException("cannot read " + BASE + file + ": " + e.getMessage(), e);
        }
    }

    /** The resource as stored (what a board's data digest covers). */
    byte[] bytes(String file) {
        try (InputStream in = SpecReader.class.getResourceAsStream(BASE + file)) {
            if (in == null) throw new SpecException("missing resource " + BASE + file);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new SpecException("cannot read " + BASE + file + ": " + e.getMessage(), e);
        }
    }

    /** The release of firmware-spec, from the build's filtered {@code version.properties}; "dev" when absent. */
    static String version() {
        try (InputStream in = SpecReader.class.getResourceAsStream(BASE + "version.properties")) {
            if (in == null) return "dev";
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new SpecException("cannot serialise " + node, e);
        }
    }

    /** Parses each resource once, so boards sharing a pin map share one instance. */
    @SuppressWarnings("unchecked")
    <T> T shared(String file, Function<JsonNode, T> parser) {
        return (T) cache.computeIfAbsent(file, f -> parser.apply(resource(f)));
    }

    PinMap pinMap(String file) {
        return shared(file, root -> {
            List<PinMap.Pin> pins = new ArrayList<>();
            for (JsonNode s : array(root, "signals", file)) {
                pins.add(new PinMap.Pin(text(s, "signal", file), integer(s, "gpio", file),
                        optionalInt(s, "modulePin"), optionalText(s, "net"),
                        PinMap.Direction.valueOf(text(s, "direction", file).toUpperCase(Locale.ROOT)),
                        s.path("activeLow").asBoolean(false), text(s, "use", file)));
            }
            return new PinMap(text(root, "module", file), pins);
        });
    }

    FlashLayout flashLayout(String file) {
        return shared(file, root -> {
            List<FlashLayout.Partition> partitions = new ArrayList<>();
            for (JsonNode p : array(root, "partitions", file)) {
                partitions.add(new FlashLayout.Partition(text(p, "name", file), text(p, "type", file),
                        (int) number(p, "typeCode", file), text(p, "subtype", file), (int) number(p, "subtypeCode", file),
                        number(p, "offset", file), number(p, "size", file), (int) number(p, "flags", file)));
            }
            return new FlashLayout(text(root, "name", file), number(root, "flashSize", file),
                    number(root, "partitionTableOffset", file), optionalText(root, "partitionTableMd5"), partitions);
        });
    }

    NvsSpec nvs(String file) {
        return shared(file, root -> {
            List<NvsKey> keys = new ArrayList<>();
            for (JsonNode k : array(root, "keys", file)) {
                keys.add(new NvsKey(text(k, "name", file),
                        NvsKey.Type.valueOf(text(k, "type", file).toUpperCase(Locale.ROOT)),
                        optionalInt(k, "maxLength"), k.path("secret").asBoolean(false),
                        text(k, "default", file), optionalText(k, "note")));
            }
            JsonNode marker = required(root, "marker", file);
            return new NvsSpec(text(root, "namespace", file), text(marker, "key", file), text(marker, "value", file), keys);
        });
    }

    FirmwareBuild firmwareBuild(String file) {
        return shared(file, root -> {
            Map<String, Integer> pins = new java.util.LinkedHashMap<>();
            JsonNode defaults = required(root, "peripheralDefaults", file);
            defaults.fieldNames().forEachRemaining(name -> pins.put(name, integer(defaults, name, file)));
            return new FirmwareBuild(text(root, "chip", file), text(root, "arch", file), integer(root, "cpuMHz", file),
                    text(root, "flashMode", file), integer(root, "flashFreqMHz", file), number(root, "ramBytes", file),
                    integer(root, "uploadBaud", file), pins);
        });
    }

    UartLink uart(JsonNode node, String file) {
        return new UartLink(text(node, "uart", file), integer(node, "baud", file),
                node.has("framing") ? text(node, "framing", file) : "8N1",
                optionalInt(node, "txGpio"), optionalInt(node, "rxGpio"), text(node, "connector", file));
    }

    static JsonNode required(JsonNode node, String field, String file) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) throw new SpecException(BASE + file + ": missing field '" + field + "'");
        return value;
    }

    static Iterable<JsonNode> array(JsonNode node, String field, String file) {
        JsonNode value = required(node, field, file);
        if (!value.isArray()) throw new SpecException(BASE + file + ": '" + field + "' must be a list");
        return value;
    }

    static String text(JsonNode node, String field, String file) {
        JsonNode value = required(node, field, file);
        if (!value.isTextual()) throw new SpecException(BASE + file + ": '" + field + "' must be text");
        return value.asText();
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static int integer(JsonNode node, String field, String file) {
        JsonNode value = required(node, field, file);
        if (!value.canConvertToInt()) throw new SpecException(BASE + file + ": '" + field + "' must be a whole number");
        return value.asInt();
    }

    static Integer optionalInt(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    /** A number written as JSON number or as hex text ({@code "0x9000"}). */
    static long number(JsonNode node, String field, String file) {
        JsonNode value = required(node, field, file);
        if (value.isIntegralNumber()) return value.asLong();
        String s = value.asText();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseLong(s.substring(2), 16);
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new SpecException(BASE + file + ": '" + field + "' is not a number: " + s, e);
        }
    }
}
