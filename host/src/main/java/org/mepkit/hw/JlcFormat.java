package org.mepkit.hw;

import java.util.List;
import java.util.Map;

/** Converts kicad-cli's BOM and position CSVs into JLCPCB's BOM and CPL formats. */
public final class JlcFormat {

    private JlcFormat() {
    }

    /** BOM columns Comment,Designator,Footprint,LCSC from a BOM with Reference,Value,Footprint,MPN,LCSC,... */
    public static String bom(String kicadBom) {
        List<List<String>> rows = Csv.parse(kicadBom);
        StringBuilder out = new StringBuilder(Csv.line(List.of("Comment", "Designator", "Footprint", "LCSC")));
        if (rows.isEmpty()) return out.toString();
        Map<String, Integer> col = index(rows.get(0));
        for (List<String> r : rows.subList(1, rows.size())) {
            String fp = r.get(col.get("Footprint"));
            out.append(Csv.line(List.of(r.get(col.get("Value")), r.get(col.get("Reference")),
                    fp.contains(":") ? fp.substring(fp.indexOf(':') + 1) : fp, r.get(col.get("LCSC")))));
        }
        return out.toString();
    }

    /** CPL columns Designator,Mid X,Mid Y,Layer,Rotation from kicad-cli's Ref,Val,Package,PosX,PosY,Rot,Side. */
    public static String cpl(String kicadPos) {
        List<List<String>> rows = Csv.parse(kicadPos);
        StringBuilder out = new StringBuilder(Csv.line(List.of("Designator", "Mid X", "Mid Y", "Layer", "Rotation")));
        if (rows.isEmpty()) return out.toString();
        Map<String, Integer> col = index(rows.get(0));
        for (List<String> r : rows.subList(1, rows.size())) {
            String side = r.get(col.get("Side")).equalsIgnoreCase("bottom") ? "Bottom" : "Top";
            out.append(Csv.line(List.of(r.get(col.get("Ref")), r.get(col.get("PosX")) + "mm", r.get(col.get("PosY")) + "mm",
                    side, r.get(col.get("Rot")))));
        }
        return out.toString();
    }

    private static Map<String, Integer> index(List<String> header) {
        java.util.HashMap<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) m.put(header.get(i).trim(), i);
        return m;
    }
}
