package org.mepkit.hw;

import org.mepkit.util.Csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What JLCPCB's assembly tool needs to match a BOM to a CPL, checked before an order leaves:
 * one designator per name (no {@code C1-C5} ranges), each in one BOM row and one CPL row, an LCSC
 * number on every placed row, every fitted part either placed or marked hand-soldered, and every CPL
 * angle equal to KiCad's plus the table's correction for its footprint.
 */
public final class JlcCheck {

    private static final Pattern DESIGNATOR = Pattern.compile("[A-Z]+[0-9]+");
    private static final Pattern LCSC = Pattern.compile("C[0-9]+");

    private JlcCheck() {
    }

    /** The outcome: findings (empty = order-ready), and the placed and hand-soldered designators. */
    public record Result(List<String> findings, Set<String> placed, Set<String> handSoldered) {
        public boolean passed() {
            return findings.isEmpty();
        }
    }

    public static Result check(String kicadBom, String kicadPos, String jlcBom, String jlcCpl, JlcRotations rotations) {
        List<String> f = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        List<List<String>> bom = Csv.parse(jlcBom);
        for (List<String> r : bom.subList(Math.min(1, bom.size()), bom.size())) {
            for (String d : r.get(1).split(",")) {
                d = d.strip();
                if (!DESIGNATOR.matcher(d).matches()) f.add("BOM designator '" + d + "' is not one designator (ranges like C1-C5 do not match the CPL)");
                if (!placed.add(d)) f.add("BOM lists " + d + " twice");
            }
            if (!LCSC.matcher(r.get(3).strip()).matches()) {
                f.add("BOM row " + r.get(1) + " (" + r.get(0) + ") has no LCSC number: add one or mark the parts " + JlcFormat.HAND_SOLDERED);
            }
        }
        // every fitted part of the full BOM is placed or hand-soldered
        Set<String> hand = new TreeSet<>();
        List<List<String>> all = Csv.parse(kicadBom);
        if (!all.isEmpty()) {
            Map<String, Integer> col = JlcFormat.index(all.get(0));
            for (List<String> r : all.subList(1, all.size())) {
                for (String d : r.get(col.get("Reference")).split(",")) {
                    d = d.strip();
                    if (JlcFormat.handSoldered(r, col)) hand.add(d);
                    else if (!placed.contains(d)) f.add(d + " is fitted but neither in the JLCPCB BOM nor marked " + JlcFormat.HAND_SOLDERED);
                }
            }
        }
        // CPL: one row per placed designator, angles as the table says
        Map<String, double[]> kicad = new HashMap<>();
        Map<String, String> packages = new HashMap<>();
        List<List<String>> pos = Csv.parse(kicadPos);
        if (!pos.isEmpty()) {
            Map<String, Integer> col = JlcFormat.index(pos.get(0));
            for (List<String> r : pos.subList(1, pos.size())) {
                String ref = r.get(col.get("Ref"));
                kicad.put(ref, new double[] {Double.parseDouble(r.get(col.get("Rot"))), r.get(col.get("Side")).equalsIgnoreCase("bottom") ? 1 : 0});
                packages.put(ref, r.get(col.get("Package")));
            }
        }
        Set<String> inCpl = new HashSet<>();
        List<List<String>> cpl = Csv.parse(jlcCpl);
        for (List<String> r : cpl.subList(Math.min(1, cpl.size()), cpl.size())) {
            String d = r.get(0);
            if (!inCpl.add(d)) f.add("CPL lists " + d + " twice");
            if (!placed.contains(d)) f.add("CPL places " + d + ", which the BOM does not list");
            double[] k = kicad.get(d);
            if (k == null) {
                f.add("CPL places " + d + ", which KiCad's position file does not have");
                continue;
            }
            String pkg = packages.get(d);
            var want = rotations.jlcAngle(pkg, k[0], k[1] == 1);
            if (want.isEmpty()) {
                f.add(d + ": footprint " + pkg + " has no row in " + JlcRotations.FILE + " (add its JLCPCB rotation and source)");
            } else if (Math.abs(JlcRotations.normalize(Double.parseDouble(r.get(4)) - want.get() + 180) - 180) > 0.05) {
                f.add(String.format(Locale.ROOT, "%s: CPL rotation %s, expected %.1f (KiCad %.1f + table)", d, r.get(4), want.get(), k[0]));
            }
            String layer = k[1] == 1 ? "Bottom" : "Top";
            if (!layer.equals(r.get(3))) f.add(d + ": CPL layer " + r.get(3) + ", KiCad says " + layer);
        }
        for (String d : placed) if (!inCpl.contains(d)) f.add(d + " is in the BOM but has no CPL row (JLCPCB cannot place it)");
        return new Result(f, placed, hand);
    }
}
