package org.mepkit.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JlcFormatTest {

    @Test
    void kicad_bom_rows_become_jlcpcb_bom_rows() {
        String kicad = "\"Reference\",\"Value\",\"Footprint\",\"MPN\",\"LCSC\",\"Quantity\"\n"
                + "\"R1,R2\",\"10k\",\"Resistor_SMD:R_0805_2012Metric\",\"10k 1%\",\"C17414\",\"2\"\n";

        assertEquals("\"Comment\",\"Designator\",\"Footprint\",\"LCSC\"\n\"10k\",\"R1,R2\",\"R_0805_2012Metric\",\"C17414\"\n",
                JlcFormat.bom(kicad));
    }

    @Test
    void kicad_positions_become_a_jlcpcb_cpl() {
        String kicad = "Ref,Val,Package,PosX,PosY,Rot,Side\n\"C1\",\"100nF\",\"C_0805\",43.0000,16.0000,180.0000,bottom\n";

        assertEquals("\"Designator\",\"Mid X\",\"Mid Y\",\"Layer\",\"Rotation\"\n\"C1\",\"43.0000mm\",\"16.0000mm\",\"Bottom\",\"180.0000\"\n",
                JlcFormat.cpl(kicad));
    }
}
