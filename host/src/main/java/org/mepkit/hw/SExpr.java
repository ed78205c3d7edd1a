package org.mepkit.hw;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A KiCad s-expression node: an atom (quoted or bare) or a list. Enough to read netlists
 * exported by {@code kicad-cli sch export netlist --format kicadsexpr}.
 */
public record SExpr(String atom, List<SExpr> children) {

    public static SExpr parse(String text) {
        int[] pos = {0};
        SExpr result = read(text, pos);
        if (result == null) throw new HwFormatException("empty s-expression");
        return result;
    }

    public boolean isList() {
        return children != null;
    }

    /** The head symbol of a list, e.g. {@code comp} for {@code (comp ...)}. */
    public String head() {
        return isList() && !children.isEmpty() && !children.get(0).isList() ? children.get(0).atom : "";
    }

    /** Child lists with the given head. */
    public List<SExpr> all(String head) {
        List<SExpr> out = new ArrayList<>();
        if (isList()) for (SExpr c : children) if (c.head().equals(head)) out.add(c);
        return out;
    }

    public Optional<SExpr> first(String head) {
        return all(head).stream().findFirst();
    }

    /** The first atom after the head of child {@code head}, e.g. {@code ref} of {@code (ref "U1")}. */
    public String value(String head) {
        return first(head).filter(c -> c.children.size() > 1).map(c -> c.children.get(1).atom).orElse("");
    }

    private static SExpr read(String s, int[] pos) {
        skipSpace(s, pos);
        if (pos[0] >= s.length()) return null;
        char c = s.charAt(pos[0]);
        if (c == '(') {
            pos[0]++;
            List<SExpr> kids = new ArrayList<>();
            while (true) {
                skipSpace(s, pos);
                if (pos[0] >= s.length()) throw new HwFormatException("unbalanced parentheses");
                if (s.charAt(pos[0]) == ')') {
                    pos[0]++;
                    return new SExpr(null, kids);
                }
                kids.add(read(s, pos));
            }
        }
        if (c == ')') throw new HwFormatException("unexpected ')' at " + pos[0]);
        if (c == '"') {
            StringBuilder b = new StringBuilder();
            int i = pos[0] + 1;
            while (i < s.length() && s.charAt(i) != '"') {
                if (s.charAt(i) == '\\' && i + 1 < s.length()) i++;
                b.append(s.charAt(i++));
            }
            if (i >= s.length()) throw new HwFormatException("unterminated string");
            pos[0] = i + 1;
            return new SExpr(b.toString(), null);
        }
        int start = pos[0];
        while (pos[0] < s.length() && " \t\r\n()".indexOf(s.charAt(pos[0])) < 0) pos[0]++;
        return new SExpr(s.substring(start, pos[0]), null);
    }

    private static void skipSpace(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) pos[0]++;
    }
}
