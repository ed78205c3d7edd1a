package org.mepkit.util;

import java.util.ArrayList;
import java.util.List;

/** Reads and writes simple quoted CSV: what kicad-cli writes and JLCPCB reads, and mep watch's sample log. */
public final class Csv {

    private Csv() {
    }

    /** Every non-blank line's cells. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            if (line.isBlank()) continue;
            rows.add(split(line).cells());
        }
        return rows;
    }

    /** One line's cells; null when a quoted cell is not closed (a line cut short). */
    public static List<String> parseLine(String line) {
        Split s = split(line);
        return s.closed() ? s.cells() : null;
    }

    private record Split(List<String> cells, boolean closed) { }

    private static Split split(String line) {
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        row.add(cell.toString());
        return new Split(row, !quoted);
    }

    /** A cell as written: quoted only when it holds a comma, a quote or a line break. */
    public static String cell(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Every cell quoted, ending in a newline. */
    public static String line(List<String> cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append(',');
            b.append('"').append(cells.get(i).replace("\"", "\"\"")).append('"');
        }
        return b.append('\n').toString();
    }
}
