package org.mepkit.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class JlcCheckTest {

    private static final String BOM = JlcFormatTest.KICAD_BOM;
    private static final String POS = JlcFormatTest.KICAD_POS;
    private static final JlcRotations ROT = JlcFormatTest.ROT;

    private static JlcCheck.Result check(String jlcBom, String jlcCpl) {
        return JlcCheck.check(BOM, POS, jlcBom, jlcCpl, ROT);
    }

    @Test
    void the_files_jlc_format_writes_match_one_for_one() {
        String jlcBom = JlcFormat.bom(BOM);
        JlcCheck.Result r = check(jlcBom, JlcFormat.cpl(POS, JlcFormat.designators(jlcBom), ROT));

        assertEquals(List.of(), r.findings());
        assertEquals(Set.of("R1", "R2", "U1"), r.placed());
        assertEquals(Set.of("J5"), r.handSoldered());
    }

    @Test
    void a_designator_range_and_a_missing_placement_row_are_found() {
        String jlcBom = "Comment,Designator,Footprint,LCSC\n10k,R1-R2,R_0805_2012Metric,C17414\nMAX3232,U1,SOIC-16,C9378\n";
        String cpl = "Designator,Mid X,Mid Y,Layer,Rotation\nR1,1mm,1mm,Top,270.0\nU1,1mm,1mm,Bottom,270.0\n";

        List<String> f = check(jlcBom, cpl).findings();

        assertTrue(f.stream().anyMatch(x -> x.startsWith("BOM designator 'R1-R2' is not one designator")), f.toString());
        assertTrue(f.contains("R1-R2 is in the BOM but has no CPL row (JLCPCB cannot place it)"), f.toString());
        assertTrue(f.contains("R1 is fitted but neither in the JLCPCB BOM nor marked hand-soldered"), f.toString());
        assertTrue(f.contains("CPL places R1, which the BOM does not list"), f.toString());
    }

    @Test
    void a_raw_kicad_angle_and_a_missing_lcsc_number_are_found() {
        String jlcBom = "Comment,Designator,Footprint,LCSC\n10k,\"R1,R2\",R_0805_2012Metric,C17414\nMAX3232,U1,SOIC-16,\n";
        String cpl = "Designator,Mid X,Mid Y,Layer,Rotation\nR1,1mm,1mm,Top,270.0\nR2,1mm,1mm,Top,0.0\nU1,1mm,1mm,Bottom,180.0\n";

        List<String> f = check(jlcBom, cpl).findings();

        assertEquals(List.of("BOM row U1 (MAX3232) has no LCSC number: add one or mark the parts hand-soldered",
                "U1: CPL rotation 180.0, expected 270.0 (KiCad 180.0 + table)"), f);
    }

    @Test
    void a_footprint_without_a_rotation_row_is_found() {
        String pos = POS.replace("R_0805_2012Metric\",10.5", "R_1206_3216Metric\",10.5");
        String jlcBom = JlcFormat.bom(BOM);

        List<String> f = JlcCheck.check(BOM, pos, jlcBom, JlcFormat.cpl(pos, JlcFormat.designators(jlcBom), ROT), ROT).findings();

        assertEquals(List.of("R2: footprint R_1206_3216Metric has no row in jlc-rotations.csv (add its JLCPCB rotation and source)"), f);
    }
}
