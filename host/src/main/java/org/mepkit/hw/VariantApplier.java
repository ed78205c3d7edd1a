package org.mepkit.hw;

import java.util.Set;

/**
 * Applies an assembly variant to the text of a schematic and a board: the DNP flag of each
 * listed part and the values of selectable parts. KiCad 9 has no variants of its own, so the
 * fab step edits a temporary copy of the project and both sides change together (parity checks
 * both the DNP flag and the value).
 */
public final class VariantApplier {

    private VariantApplier() {
    }

    public static String schematic(String text, Variant v, Set<String> refs) {
        String out = text;
        for (String ref : refs) {
            int[] block = block(out, "\n\t(symbol\n", ref);
            if (block == null && v.fitted().containsKey(ref) && !v.jumpers().isEmpty()) continue;  // a board with the jumper instead
            if (block == null) throw new HwFormatException("schematic has no symbol " + ref);
            String b = out.substring(block[0], block[1]);
            b = b.replaceFirst("\\(dnp (yes|no)\\)", "(dnp " + (v.isFitted(ref) ? "no" : "yes") + ")");
            String value = v.values().get(ref);
            if (value != null && !b.contains("(property \"Value\" \"" + value + "\"")) {
                // another value: the part numbers chosen for the drawn value no longer apply; soldered by hand
                b = b.replaceFirst("\\(property \"LCSC\" \"[^\"]*\"", "(property \"LCSC\" \"\"");
                b = b.replaceFirst("\\(property \"Assembly\" \"[^\"]*\"", "(property \"Assembly\" \"" + JlcFormat.HAND_SOLDERED + "\"");
                b = b.replaceFirst("\\(property \"MPN\" \"[^\"]*\"", "(property \"MPN\" \"" + value + " resistor\"");
            }
            b = setValue(b, value);
            out = out.substring(0, block[0]) + b + out.substring(block[1]);
        }
        return out;
    }

    public static String board(String text, Variant v, Set<String> refs) {
        String out = text;
        for (String ref : refs) {
            int[] block = block(out, "\n\t(footprint \"", ref);
            if (block == null && v.fitted().containsKey(ref) && !v.jumpers().isEmpty()) continue;
            if (block == null) throw new HwFormatException("board has no footprint " + ref);
            String b = out.substring(block[0], block[1]);
            int a = b.indexOf("(attr ");
            if (a < 0) throw new HwFormatException("footprint " + ref + " has no (attr ...)");
            int e = b.indexOf(')', a);
            String attr = b.substring(a, e).replace(" dnp", "");
            if (!v.isFitted(ref)) attr = attr + " dnp";
            b = b.substring(0, a) + attr + b.substring(e);
            b = setValue(b, v.values().get(ref));
            out = out.substring(0, block[0]) + b + out.substring(block[1]);
        }
        return out;
    }

    /** The refs a variant touches (fitted flags and values). */
    public static Set<String> refs(Variant v) {
        java.util.TreeSet<String> s = new java.util.TreeSet<>(v.fitted().keySet());
        s.addAll(v.values().keySet());
        return s;
    }

    private static String setValue(String block, String value) {
        if (value == null) return block;
        return block.replaceFirst("\\(property \"Value\" \"[^\"]*\"", "(property \"Value\" \"" + value.replace("\\", "") + "\"");
    }

    /** [start, end) of the top-level block opened by {@code opener} that carries Reference {@code ref}. */
    private static int[] block(String text, String opener, String ref) {
        String key = "(property \"Reference\" \"" + ref + "\"";
        int from = 0;
        while (true) {
            int k = text.indexOf(key, from);
            if (k < 0) return null;
            int start = text.lastIndexOf(opener, k);
            if (start >= 0) {
                int end = closing(text, start + 1);
                if (end > k) return new int[] {start + 1, end + 1};
            }
            from = k + key.length();
        }
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\') i++;
                    i++;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) return i;
            }
        }
        throw new HwFormatException("unbalanced parentheses");
    }
}
