package org.mepkit.hw;

import org.mepkit.util.Csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code hardware/jlc-rotations.csv}: the degrees JLCPCB's placement needs added to KiCad's angle,
 * per footprint (first matching pattern wins) and side. Each row names where its figure comes from.
 */
public record JlcRotations(List<Row> rows) {

    public static final String FILE = "jlc-rotations.csv";

    /** One footprint pattern with its top and bottom corrections and their source. */
    public record Row(Pattern pattern, int top, int bottom, String source) {
    }

    public JlcRotations {
        rows = List.copyOf(rows);
    }

    public static JlcRotations load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new HwFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static JlcRotations parse(String text) {
        List<Row> rows = new ArrayList<>();
        boolean header = true;
        for (List<String> r : Csv.parse(text.lines().filter(l -> !l.startsWith("#")).reduce("", (a, b) -> a + b + "\n"))) {
            if (header) {
                header = false;
                continue;
            }
            if (r.size() < 4 || r.get(3).isBlank()) throw new HwFormatException(FILE + ": row " + r + " needs pattern,top,bottom,source");
            try {
                rows.add(new Row(Pattern.compile(r.get(0)), Integer.parseInt(r.get(1).trim()), Integer.parseInt(r.get(2).trim()),
                        String.join(",", r.subList(3, r.size()))));
            } catch (NumberFormatException e) {
                throw new HwFormatException(FILE + ": row " + r + ": top and bottom must be whole degrees", e);
            }
        }
        return new JlcRotations(rows);
    }

    /** The row for a footprint name (without library), if the table has one. */
    public Optional<Row> find(String footprint) {
        return rows.stream().filter(r -> r.pattern().matcher(footprint).find()).findFirst();
    }

    /** KiCad's angle turned into JLCPCB's, or empty when the table has no row for the footprint. */
    public Optional<Double> jlcAngle(String footprint, double kicadAngle, boolean bottom) {
        return find(footprint).map(r -> normalize(kicadAngle + (bottom ? r.bottom() : r.top())));
    }

    static double normalize(double a) {
        double m = a % 360;
        return m < 0 ? m + 360 : m;
    }
}
