package org.mepkit.hw;

import org.mepkit.util.Csv;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns kicad-cli's BOM and position CSVs into JLCPCB's BOM and CPL: parts marked
 * {@code Assembly = hand-soldered} stay out of both, every other BOM designator gets exactly one
 * CPL row, and the CPL angles are corrected per footprint from {@link JlcRotations}.
 */
public final class JlcFormat {

    public static final String HAND_SOLDERED = "hand-soldered";

    private JlcFormat() {
    }

    /** BOM columns Comment,Designator,Footprint,LCSC from a BOM with Reference,Value,Footprint,LCSC,Assembly,... */
    public static String bom(String kicadBom) {
        List<List<String>> rows = Csv.parse(kicadBom);
        StringBuilder out = new StringBuilder(Csv.line(List.of("Comment", "Designator", "Footprint", "LCSC")));
        if (rows.isEmpty()) return out.toString();
        Map<String, Integer> col = index(rows.get(0));
        for (List<String> r : rows.subList(1, rows.size())) {
            if (handSoldered(r, col)) continue;
            String fp = r.get(col.get("Footprint"));
            out.append(Csv.line(List.of(r.get(col.get("Value")), r.get(col.get("Reference")),
                    fp.contains(":") ? fp.substring(fp.indexOf(':') + 1) : fp, cell(r, col, "LCSC"))));
        }
        return out.toString();
    }

    /** The designators of a JLCPCB BOM, in order. */
    public static Set<String> designators(String jlcBom) {
        Set<String> out = new LinkedHashSet<>();
        List<List<String>> rows = Csv.parse(jlcBom);
        for (List<String> r : rows.subList(Math.min(1, rows.size()), rows.size())) {
            for (String d : r.get(1).split(",")) if (!d.isBlank()) out.add(d.strip());
        }
        return out;
    }

    /**
     * CPL columns Designator,Mid X,Mid Y,Layer,Rotation from kicad-cli's Ref,Val,Package,PosX,PosY,Rot,Side:
     * one row per placed designator, angles corrected (footprints without a table row keep KiCad's angle;
     * {@link JlcCheck} reports them).
     */
    public static String cpl(String kicadPos, Set<String> placed, JlcRotations rotations) {
        List<List<String>> rows = Csv.parse(kicadPos);
        StringBuilder out = new StringBuilder(Csv.line(List.of("Designator", "Mid X", "Mid Y", "Layer", "Rotation")));
        if (rows.isEmpty()) return out.toString();
        Map<String, Integer> col = index(rows.get(0));
        for (List<String> r : rows.subList(1, rows.size())) {
            String ref = r.get(col.get("Ref"));
            if (!placed.contains(ref)) continue;
            boolean bottom = r.get(col.get("Side")).equalsIgnoreCase("bottom");
            double rot = Double.parseDouble(r.get(col.get("Rot")));
            double jlc = rotations.jlcAngle(r.get(col.get("Package")), rot, bottom).orElse(rot);
            out.append(Csv.line(List.of(ref, r.get(col.get("PosX")) + "mm", r.get(col.get("PosY")) + "mm",
                    bottom ? "Bottom" : "Top", String.format(Locale.ROOT, "%.1f", jlc))));
        }
        return out.toString();
    }

    static boolean handSoldered(List<String> row, Map<String, Integer> col) {
        return HAND_SOLDERED.equalsIgnoreCase(cell(row, col, "Assembly").strip());
    }

    static String cell(List<String> row, Map<String, Integer> col, String name) {
        Integer i = col.get(name);
        return i == null || i >= row.size() ? "" : row.get(i);
    }

    static Map<String, Integer> index(List<String> header) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < header.size(); i++) m.put(header.get(i).trim(), i);
        return m;
    }
}
