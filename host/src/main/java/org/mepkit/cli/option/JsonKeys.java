package org.mepkit.cli.option;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One JSON key style for everything mep prints or writes: snake_case, nested objects too
 * (docs/cli-grammar.md). Records and beans are named by Jackson's snake_case strategy; map keys
 * (table field names such as {@code Fwd_Act_Wh} or {@code CurrentDateTime}, enum names) are
 * converted the same way, so no caller has to remember it.
 */
public final class JsonKeys {

    /** Writes and reads records with snake_case property names. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private JsonKeys() {
    }

    /** {@code CurrentDateTime} -> {@code current_date_time}, {@code Meter_SW_Version} -> {@code meter_sw_version}. */
    public static String snake(String key) {
        StringBuilder s = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                char before = key.charAt(i - 1);
                boolean nextLower = i + 1 < key.length() && Character.isLowerCase(key.charAt(i + 1));
                if (Character.isLowerCase(before) || Character.isDigit(before) || (Character.isUpperCase(before) && nextLower)) {
                    s.append('_');
                }
            }
            s.append(c == '-' || c == ' ' || c == '.' ? '_' : c);
        }
        return s.toString().toLowerCase(Locale.ROOT).replaceAll("_{2,}", "_");
    }

    /** {@code value} (record, map, list...) as a JSON tree whose every object key is snake_case. */
    public static JsonNode tree(Object value) {
        return snakeKeys(MAPPER.valueToTree(value));
    }

    private static JsonNode snakeKeys(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) fields.add(it.next());
            object.removeAll();
            for (Map.Entry<String, JsonNode> f : fields) object.set(snake(f.getKey()), snakeKeys(f.getValue()));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) array.set(i, snakeKeys(array.get(i)));
        }
        return node;
    }
}
