package org.mepkit.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class VariantApplierTest {

    private static final String SCH = "(kicad_sch\n\t(lib_symbols\n\t\t(symbol \"Device:R\"\n\t\t\t(property \"Reference\" \"R\")\n\t\t)\n\t)"
            + "\n\t(symbol\n\t\t(lib_id \"Device:R\")\n\t\t(dnp yes)\n\t\t(property \"Reference\" \"R3\")\n\t\t(property \"Value\" \"0R\")\n\t)"
            + "\n\t(symbol\n\t\t(lib_id \"Device:R\")\n\t\t(dnp no)\n\t\t(property \"Reference\" \"R4\")\n\t\t(property \"Value\" \"0R\")\n\t)\n)\n";
    private static final String PCB = "(kicad_pcb\n\t(footprint \"Resistor_SMD:R\"\n\t\t(property \"Reference\" \"R3\")\n"
            + "\t\t(property \"Value\" \"0R\")\n\t\t(attr smd dnp)\n\t)\n\t(footprint \"Resistor_SMD:R\"\n"
            + "\t\t(property \"Reference\" \"R4\")\n\t\t(property \"Value\" \"0R\")\n\t\t(attr smd)\n\t)\n)\n";

    private final Variant r3 = new Variant("r3-permanent", false, "", Map.of("R3", true, "R4", false), Map.of("R4", "10R"));

    @Test
    void the_schematic_gets_the_variant_dnp_flags_and_values() {
        String out = VariantApplier.schematic(SCH, r3, Set.of("R3", "R4"));

        assertTrue(out.contains("(dnp no)\n\t\t(property \"Reference\" \"R3\")"), out);
        assertTrue(out.contains("(dnp yes)\n\t\t(property \"Reference\" \"R4\")\n\t\t(property \"Value\" \"10R\")"), out);
        assertTrue(out.contains("(symbol \"Device:R\"\n\t\t\t(property \"Reference\" \"R\")"), "library symbols untouched");
    }

    @Test
    void a_changed_value_drops_the_part_numbers_of_the_drawn_value() {
        String sch = SCH.replace("(property \"Value\" \"0R\")\n\t)\n)", "(property \"Value\" \"0R\")\n\t\t(property \"LCSC\" \"C17477\")\n\t)\n)");

        String out = VariantApplier.schematic(sch, r3, Set.of("R4"));

        assertTrue(out.contains("(property \"LCSC\" \"\")"), out);
        assertTrue(!out.contains("C17477"), out);
    }

    @Test
    void a_changed_value_is_soldered_by_hand() {
        String sch = SCH.replace("(property \"Value\" \"0R\")\n\t)\n)",
                "(property \"Value\" \"0R\")\n\t\t(property \"LCSC\" \"C17477\")\n\t\t(property \"Assembly\" \"JLCPCB\")\n\t)\n)");

        String out = VariantApplier.schematic(sch, r3, Set.of("R4"));

        assertTrue(out.contains("(property \"Assembly\" \"hand-soldered\")"), out);
    }

    @Test
    void a_board_with_the_jumper_instead_of_r3_and_r4_keeps_its_symbols() {
        Variant jp = new Variant("r3-permanent", false, "", Map.of("R3", true, "R4", false), Map.of(), Map.of("JP1", "2-3"));
        String sch = "(kicad_sch\n\t(symbol\n\t\t(dnp no)\n\t\t(property \"Reference\" \"JP1\")\n\t)\n)\n";

        assertEquals(sch, VariantApplier.schematic(sch, jp, Set.of("R3", "R4")));
        assertEquals("(kicad_pcb\n)\n", VariantApplier.board("(kicad_pcb\n)\n", jp, Set.of("R3", "R4")));
    }

    @Test
    void the_board_gets_the_same_flags() {
        String out = VariantApplier.board(PCB, r3, Set.of("R3", "R4"));

        assertTrue(out.contains("\"R3\")\n\t\t(property \"Value\" \"0R\")\n\t\t(attr smd)\n"), out);
        assertTrue(out.contains("\"R4\")\n\t\t(property \"Value\" \"10R\")\n\t\t(attr smd dnp)\n"), out);
    }

    @Test
    void an_unknown_part_is_an_error() {
        Variant v = new Variant("x", false, "", Map.of("R9", false), Map.of());
        try {
            VariantApplier.board(PCB, v, Set.of("R9"));
        } catch (HwFormatException e) {
            assertEquals("board has no footprint R9", e.getMessage());
            return;
        }
        throw new AssertionError("expected HwFormatException");
    }
}
