package org.mepkit.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantCheckTest {

    @TempDir
    Path work;

    private final VariantTable table = VariantTable.load(HardwareFixture.hardware().resolve("variants.json"));

    @Test
    void the_committed_variants_pass_without_kicad() {
        assertEquals(List.of(), VariantCheck.checkTable(table, null));
        assertEquals("r4-switched", table.defaultVariant().name());
    }

    @Test
    void the_committed_variants_match_the_schematic_dnp_flags() {
        Board b = new Board("esp32-mep-v2.00", HardwareFixture.hardware().resolve("esp32-mep-v2.00"));
        Netlist n = HardwareFixture.exportNetlist(b, work);

        assertEquals(List.of(), VariantCheck.checkTable(table, n));
        assertTrue(n.parts().get("R3").dnp(), "R3 is not fitted in the default variant");
    }

    @Test
    void v210_has_jp1_bridged_1_2_as_the_default_variant_says() {
        Board b = new Board("esp32-mep-v2.10", HardwareFixture.hardware().resolve("esp32-mep-v2.10"));
        Netlist n = HardwareFixture.exportNetlist(b, work);

        assertEquals(List.of(), VariantCheck.checkTable(table, n));
        assertTrue(n.parts().get("JP1").footprint().contains("Bridged12"), n.parts().get("JP1").footprint());
        assertTrue(!n.parts().containsKey("R3") && !n.parts().containsKey("R4"), "JP1 replaces R3 and R4");
    }

    @Test
    void a_jumper_bridging_anything_but_1_2_or_2_3_is_refused() {
        Variant all = new Variant("all", false, "", Map.of("R3", false, "R4", true), Map.of(), Map.of("JP1", "1-2-3"));

        List<String> findings = VariantCheck.check(all, table, null);

        assertEquals(List.of("variant all: JP1 must bridge pads 1-2 or 2-3, not 1-2-3"), findings);
    }

    @Test
    void fitting_r3_and_r4_together_is_refused() {
        Variant both = table.defaultVariant().withFitted("R3", true).withFitted("R4", true);

        List<String> findings = VariantCheck.check(both, table, null);

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).contains("R3 and R4 are both fitted"), findings.get(0));
    }

    @Test
    void a_table_with_a_variant_fitting_both_fails_the_table_check() {
        Variant both = new Variant("both", false, "wrong", Map.of("R3", true, "R4", true), Map.of());
        VariantTable bad = new VariantTable(List.of(table.defaultVariant(), both), table.selectable());

        assertTrue(VariantCheck.checkTable(bad, null).stream().anyMatch(f -> f.contains("variant both: R3 and R4")));
    }

    @Test
    void only_r5_to_r7_take_other_values_and_they_must_be_resistor_values() {
        Variant v = table.defaultVariant().withValues(Map.of("R5", "100R", "R6", "4k7", "R1", "1k", "R7", "lots"));

        List<String> findings = VariantCheck.check(v, table, null);

        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.contains("R1 is not selectable")), findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.contains("R7=lots is not a resistor value")), findings.toString());
    }
}
