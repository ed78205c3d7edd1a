package org.mepkit.perf;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark's target on one figure, e.g. {@code ratio <= 1.05} or {@code speedup >= 5}.
 *
 * @param figure the figure's JSON name
 */
public record Target(String figure, double value, Bound bound, double limit) {

    public enum Bound {
        AT_MOST("<="), AT_LEAST(">=");

        private final String symbol;

        Bound(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public static Target atMost(String figure, double value, double limit) {
        return new Target(figure, value, Bound.AT_MOST, limit);
    }

    public static Target atLeast(String figure, double value, double limit) {
        return new Target(figure, value, Bound.AT_LEAST, limit);
    }

    /** A NaN figure (nothing measured) misses every target. */
    public boolean met() {
        return bound == Bound.AT_MOST ? value <= limit : value >= limit;
    }

    /** {@code ratio 1.082 (target <= 1.05)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s %.4g (target %s %s)", figure, value, bound.symbol(), limitText());
    }

    private String limitText() {
        return limit == Math.rint(limit) ? String.valueOf((long) limit) : String.valueOf(limit);
    }

    /** {@code {"figure": "ratio", "value": 1.02, "target": "<= 1.05", "met": true}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("figure", figure);
        m.put("value", Double.isFinite(value) ? value : null);
        m.put("target", bound.symbol() + " " + limitText());
        m.put("met", met());
        return m;
    }
}
