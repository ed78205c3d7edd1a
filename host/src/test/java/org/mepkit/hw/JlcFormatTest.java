package org.mepkit.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class JlcFormatTest {

    static final String KICAD_BOM = "\"Reference\",\"Value\",\"Footprint\",\"MPN\",\"LCSC\",\"Assembly\",\"Quantity\"\n"
            + "\"R1,R2\",\"10k\",\"Resistor_SMD:R_0805_2012Metric\",\"10k 1%\",\"C17414\",\"JLCPCB\",\"2\"\n"
            + "\"U1\",\"MAX3232\",\"Package_SO:SOIC-16_3.9x9.9mm_P1.27mm\",\"SP3232EEN-L/TR\",\"C9378\",\"JLCPCB\",\"1\"\n"
            + "\"J5\",\"FTDI 3V3\",\"Connector_PinHeader_2.54mm:PinHeader_1x06_P2.54mm_Vertical\",\"\",\"\",\"hand-soldered\",\"1\"\n";
    static final String KICAD_POS = "Ref,Val,Package,PosX,PosY,Rot,Side\n"
            + "\"J5\",\"FTDI 3V3\",\"PinHeader_1x06_P2.54mm_Vertical\",2.6000,25.0000,0.0000,top\n"
            + "\"R1\",\"10k\",\"R_0805_2012Metric\",34.3000,10.9000,270.0000,top\n"
            + "\"R2\",\"10k\",\"R_0805_2012Metric\",10.5000,25.5000,0.0000,top\n"
            + "\"U1\",\"MAX3232\",\"SOIC-16_3.9x9.9mm_P1.27mm\",42.5000,18.4950,180.0000,bottom\n";
    static final JlcRotations ROT = JlcRotations.parse("# test table\npattern,top,bottom,source\n"
            + "^SOIC-,270,90,JLCKicadTools\n^R_0805_,0,0,none\n");

    @Test
    void kicad_bom_rows_become_jlcpcb_rows_and_hand_soldered_parts_stay_out() {
        assertEquals("\"Comment\",\"Designator\",\"Footprint\",\"LCSC\"\n\"10k\",\"R1,R2\",\"R_0805_2012Metric\",\"C17414\"\n"
                + "\"MAX3232\",\"U1\",\"SOIC-16_3.9x9.9mm_P1.27mm\",\"C9378\"\n", JlcFormat.bom(KICAD_BOM));
        assertEquals(Set.of("R1", "R2", "U1"), JlcFormat.designators(JlcFormat.bom(KICAD_BOM)));
    }

    @Test
    void the_cpl_has_one_row_per_placed_part_with_jlcpcb_angles() {
        String cpl = JlcFormat.cpl(KICAD_POS, JlcFormat.designators(JlcFormat.bom(KICAD_BOM)), ROT);

        assertEquals("\"Designator\",\"Mid X\",\"Mid Y\",\"Layer\",\"Rotation\"\n"
                + "\"R1\",\"34.3000mm\",\"10.9000mm\",\"Top\",\"270.0\"\n"
                + "\"R2\",\"10.5000mm\",\"25.5000mm\",\"Top\",\"0.0\"\n"
                + "\"U1\",\"42.5000mm\",\"18.4950mm\",\"Bottom\",\"270.0\"\n", cpl);
    }

    @Test
    void the_rotation_table_adds_per_side_and_wraps_at_360() {
        assertEquals(90.0, ROT.jlcAngle("SOIC-16_3.9x9.9mm_P1.27mm", 180, false).orElseThrow());
        assertEquals(270.0, ROT.jlcAngle("SOIC-16_3.9x9.9mm_P1.27mm", 180, true).orElseThrow());
        assertEquals(true, ROT.jlcAngle("D_SMA", 0, false).isEmpty());
    }

    @Test
    void the_committed_table_names_a_source_on_every_row() {
        JlcRotations table = JlcRotations.load(HardwareFixture.hardware().resolve(JlcRotations.FILE));
        assertEquals(true, table.rows().size() >= 7);
        table.rows().forEach(r -> assertEquals(false, r.source().isBlank(), r.pattern().pattern()));
        assertEquals(270, table.find("SOIC-16_3.9x9.9mm_P1.27mm").orElseThrow().top());
        assertEquals(180, table.find("SOT-23").orElseThrow().top());
    }
}
