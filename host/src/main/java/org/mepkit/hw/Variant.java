package org.mepkit.hw;

import java.util.Map;
import java.util.TreeMap;

/**
 * An assembly variant: which optional parts are fitted, which values the selectable parts get,
 * and which pads of a solder jumper are bridged (a board with JP1 instead of R3/R4 says it there).
 * Parts not named in {@code fitted} are fitted as drawn.
 */
public record Variant(String name, boolean isDefault, String description, Map<String, Boolean> fitted,
                      Map<String, String> values, Map<String, String> jumpers) {

    public Variant {
        fitted = Map.copyOf(fitted);
        values = Map.copyOf(values);
        jumpers = Map.copyOf(jumpers);
    }

    public Variant(String name, boolean isDefault, String description, Map<String, Boolean> fitted, Map<String, String> values) {
        this(name, isDefault, description, fitted, values, Map.of());
    }

    public boolean isFitted(String ref) {
        return fitted.getOrDefault(ref, true);
    }

    /** A copy with some values replaced (e.g. {@code R5=100R} from the command line). */
    public Variant withValues(Map<String, String> overrides) {
        Map<String, String> v = new TreeMap<>(values);
        v.putAll(overrides);
        return new Variant(name, isDefault, description, fitted, v, jumpers);
    }

    /** A copy with a part's fitted flag changed. */
    public Variant withFitted(String ref, boolean fit) {
        Map<String, Boolean> f = new TreeMap<>(fitted);
        f.put(ref, fit);
        return new Variant(name, isDefault, description, f, values, jumpers);
    }
}
