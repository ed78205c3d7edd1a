package org.mepkit.hw;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses assembly variants that would damage a board or that the BOM cannot express:
 * R3 and R4 both fitted (GPIO32 tied hard to +3V3), unknown parts, values changed on parts that
 * are not selectable, values that are not resistor values.
 */
public final class VariantCheck {

    /** R3 powers the MAX3232 from +3V3, R4 from GPIO32: never both. */
    public static final String R_PERMANENT = "R3";
    public static final String R_SWITCHED = "R4";
    private static final Pattern RESISTANCE = Pattern.compile("\\d+(\\.\\d+)?[RkKM]\\d*|\\d+[RkKM]\\d+|\\d+(\\.\\d+)?");

    private VariantCheck() {
    }

    public static List<String> check(Variant v, VariantTable table, Netlist netlist) {
        List<String> out = new ArrayList<>();
        String where = "variant " + v.name();
        if (v.isFitted(R_PERMANENT) && v.isFitted(R_SWITCHED)) {
            out.add(where + ": R3 and R4 are both fitted; fit R3 OR R4, never both (GPIO32 would be tied to +3V3)");
        }
        if (netlist != null) {
            // a board has either the parts named in fitted (R3/R4) or the jumper that replaces them (JP1)
            boolean hasParts = v.fitted().keySet().stream().allMatch(netlist.parts()::containsKey);
            boolean hasJumpers = !v.jumpers().isEmpty() && v.jumpers().keySet().stream().allMatch(netlist.parts()::containsKey);
            if (!hasParts && !hasJumpers) {
                for (String ref : v.fitted().keySet()) if (!netlist.parts().containsKey(ref)) out.add(where + ": unknown part " + ref);
            }
        }
        v.jumpers().forEach((ref, pads) -> {
            if (!pads.equals("1-2") && !pads.equals("2-3")) out.add(where + ": " + ref + " must bridge pads 1-2 or 2-3, not " + pads);
        });
        for (Map.Entry<String, String> e : v.values().entrySet()) {
            if (!table.selectable().contains(e.getKey())) {
                out.add(where + ": the value of " + e.getKey() + " is not selectable (only " + table.selectable() + ")");
            } else if (!RESISTANCE.matcher(e.getValue()).matches()) {
                out.add(where + ": " + e.getKey() + "=" + e.getValue() + " is not a resistor value (e.g. 0R, 100R, 4k7)");
            }
        }
        return out;
    }

    /** Checks every variant, that exactly one is the default, and that the schematic's DNP flags match it. */
    public static List<String> checkTable(VariantTable table, Netlist netlist) {
        List<String> out = new ArrayList<>();
        long defaults = table.variants().stream().filter(Variant::isDefault).count();
        if (defaults != 1) out.add("variants.json: " + defaults + " default variants, expected exactly 1");
        for (Variant v : table.variants()) out.addAll(check(v, table, netlist));
        if (defaults == 1 && netlist != null) {
            Variant d = table.defaultVariant();
            d.jumpers().forEach((ref, pads) -> {
                Netlist.Part p = netlist.parts().get(ref);
                String made = "Bridged" + pads.replace("-", "");
                if (p != null && !p.footprint().contains(made)) {
                    out.add("schematic: " + ref + " has footprint " + p.footprint() + " but the default variant " + d.name()
                            + " bridges pads " + pads + " (a " + made + " footprint)");
                }
            });
            for (String ref : d.fitted().keySet()) {
                Netlist.Part p = netlist.parts().get(ref);
                if (p != null && p.dnp() == d.isFitted(ref)) {
                    out.add("schematic: " + ref + " is " + (p.dnp() ? "DNP" : "fitted") + " but the default variant "
                            + d.name() + " has it " + (d.isFitted(ref) ? "fitted" : "not fitted"));
                }
            }
        }
        return out;
    }
}
