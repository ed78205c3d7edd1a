package org.mepkit.mep.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.mepkit.mep.frame.TableDecodeException;
import org.mepkit.util.Hex;

/**
 * BT00, and BT23/BT28 sized from BT00 and BT21 and the count returned: the optical layouts of the
 * reference (A.6) and the MEP layouts decode with the same decoders.
 */
class C1219LayoutTest {

    static final Bt21ActualRegister OPTICAL_BT21 = new Bt21ActualRegister(0, 0, 0, 2, 0, 0, 0, 0, 0, 10);

    static byte[] u32le(int... values) {
        byte[] b = new byte[4 * values.length];
        for (int i = 0; i < values.length; i++) org.mepkit.mep.frame.Wire.putS32le(b, 4 * i, values[i]);
        return b;
    }

    @Test
    void bt00GivesTheDataFormatAndTheTablesUsedWithAllEightBitsOfEachByte() {
        Bt00GeneralConfig c = Bt00GeneralConfig.of(DataFormat.MEP, Set.of(0, 1, 7, 21, 23, 28), Set.of(3));
        byte[] data = c.encode();
        assertEquals(19 + 2 * 4 + 2 * 1, data.length, "fixed part, used + write bitmaps (4 std bytes, 1 mfg byte)");
        Bt00GeneralConfig back = Bt00GeneralConfig.decode(data);
        assertEquals(c, back);
        assertEquals(DataFormat.MEP, back.dataFormat());
        assertEquals(Set.of(0, 1, 7, 21, 23, 28), back.standardTables(), "bit 7 counts (termineter drops it)");
        assertTrue(back.hasTable(TableId.BT23));
        assertTrue(back.hasTable(TableId.ET03));
        assertFalse(back.hasTable(TableId.BT52));
        assertEquals(0x88, data[2] & 0xFF, "NI_FORMAT1 = NI_FORMAT2 = INT32 (8)");
    }

    @Test
    void bt00ReadsByteOrderAndNonIntegerFormats() {
        byte[] data = new byte[19];
        data[0] = 0x01;                      // big-endian
        data[2] = (byte) (7 | 11 << 4);      // INT24 / INT64
        DataFormat f = Bt00GeneralConfig.decode(data).dataFormat();
        assertTrue(f.bigEndian());
        assertEquals(NiFormat.INT24, f.ni1());
        assertEquals(NiFormat.INT64, f.ni2());
        data[13] = 2;
        assertThrows(TableDecodeException.class, () -> Bt00GeneralConfig.decode(data), "bitmaps missing");
        data[13] = 0;
        data[2] = 0x0E;
        assertThrows(TableDecodeException.class, () -> Bt00GeneralConfig.decode(data).dataFormat(), "reserved format 14");
    }

    @Test
    void theOpticalBt23OfEightBytesIsForwardAndReverseEnergy() {
        Bt23CurrentRegisters e = Bt23CurrentRegisters.decode(u32le(1_234_567, 98_765), OPTICAL_BT21, DataFormat.MEP);
        assertEquals(1_234_567, e.forwardActiveWh());
        assertEquals(98_765, e.reverseActiveWh());
        assertEquals(2, e.summations().size());
        assertEquals(8, Bt23CurrentRegisters.energyBytes(OPTICAL_BT21, DataFormat.MEP));
    }

    @Test
    void theMepBt23PollOfThirteenBytesStillDecodes() {
        Bt21ActualRegister mep = new Bt21ActualRegister(0, 0, 0, 4, 0, 0, 0, 0, 0, 55);
        byte[] poll = java.util.Arrays.copyOf(u32le(10, 20, 30, 40), 13);
        Bt23CurrentRegisters e = Bt23CurrentRegisters.decode(poll, mep, DataFormat.MEP);
        assertEquals(List.of(10, 20, 30), e.summations());
        assertEquals(1, e.trailing().length);
        Bt21ActualRegister withPrefix = new Bt21ActualRegister(0x04, 0, 0, 4, 0, 0, 0, 0, 0, 55);
        byte[] prefixed = new byte[13];
        prefixed[0] = 7;
        System.arraycopy(u32le(10, 20, 30), 0, prefixed, 1, 12);
        Bt23CurrentRegisters p = Bt23CurrentRegisters.decode(prefixed, withPrefix, DataFormat.MEP);
        assertEquals(7, p.demandResetCount());
        assertEquals(List.of(10, 20, 30), p.summations());
    }

    @Test
    void bt21CapsTheSummationsSoDemandsAreNotTakenForThem() {
        Bt21ActualRegister two = new Bt21ActualRegister(0, 0, 0, 2, 1, 0, 1, 0, 0, 0);
        Bt23CurrentRegisters e = Bt23CurrentRegisters.decode(u32le(5, 6, 777), two, DataFormat.MEP);
        assertEquals(List.of(5, 6), e.summations());
        assertEquals("09030000", Hex.lower(e.trailing()), "the demand stays raw");
    }

    @Test
    void theOpticalBt28OfFortyBytesIsTheFirstTenMepValues() {
        int[] v = {850, 0, 210, 0, 5_280, 1_980, 3_470, 231_000, 229_500, 233_200};
        Bt28PresentValues p = Bt28PresentValues.decode(u32le(v), OPTICAL_BT21, DataFormat.MEP);
        assertEquals(10, p.values().size());
        assertEquals(850, p.value(PresentValue.FWD_W));
        assertEquals(3_470, p.value(PresentValue.L3_RMS_A));
        assertEquals(233_200, p.value(PresentValue.L3_RMS_V));
        assertEquals(Optional.empty(), p.find(PresentValue.FREQ_MHZ));
        assertThrows(IllegalStateException.class, () -> p.value(PresentValue.FREQ_MHZ));
        assertEquals(10, p.known().size());
        assertEquals(40, Bt28PresentValues.tableBytes(OPTICAL_BT21, DataFormat.MEP));
        assertArrayEquals(u32le(v), p.encode());
    }

    @Test
    void theMepBt28DecodesWithTheGenericDecoderToo() {
        Bt21ActualRegister mep = new Bt21ActualRegister(0x40, 0, 0, 4, 0, 0, 0, 0, 2, 55);
        byte[] data = new byte[2 * 7 + 4 * 55];
        org.mepkit.mep.frame.Wire.putS32le(data, 14 + 4 * 11, 50_012);
        Bt28PresentValues generic = Bt28PresentValues.decode(data, mep, DataFormat.MEP);
        assertEquals(50_012, generic.value(PresentValue.FREQ_MHZ));
        assertEquals(14, generic.presentDemands().length, "2 present demands of a 3-byte time + INT32");
        assertEquals(generic.values(), Bt28PresentValues.decode(data, mep).values(), "same as the firmware's rule");
    }

    @Test
    void bigEndianInt24ValuesAreSizedAndSignedFromBt00() {
        DataFormat be24 = new DataFormat(true, NiFormat.INT24, NiFormat.INT24);
        byte[] energy = Hex.parse("01e240 fffffe");   // 123456, -2
        Bt23CurrentRegisters e = Bt23CurrentRegisters.decode(energy, Bt21ActualRegister.NOT_READ, be24);
        assertEquals(123_456, e.forwardActiveWh());
        assertEquals(-2, e.reverseActiveWh());
        assertArrayEquals(energy, e.encode());
        Bt21ActualRegister oneDemand = new Bt21ActualRegister(0, 0, 0, 2, 0, 0, 0, 0, 1, 2);
        Bt28PresentValues p = Bt28PresentValues.decode(Hex.parse("aabbcc 000064 0003e8"), oneDemand, be24);
        assertEquals(List.of(100, 1000), p.values());
        assertEquals("aabbcc", Hex.lower(p.presentDemands()));
    }

    @Test
    void floatsAreRoundedAndUndecodableFormatsSaySo() {
        byte[] f = new byte[4];
        NiFormat.FLOAT32.write(f, 0, false, 230);
        assertEquals(230, NiFormat.FLOAT32.read(f, 0, false));
        byte[] big = Hex.parse("0000000001");   // INT40 little-endian 2^32
        assertThrows(TableDecodeException.class, () -> NiFormat.INT40.read(big, 0, false), "beyond 32 bits");
        DataFormat bcd = new DataFormat(false, NiFormat.FIXED_BCD6, NiFormat.INT32);
        TableDecodeException e = assertThrows(TableDecodeException.class,
                () -> Bt23CurrentRegisters.decode(new byte[6], Bt21ActualRegister.NOT_READ, bcd));
        assertTrue(e.getMessage().contains("FIXED_BCD6"), e.getMessage());
    }

    @Test
    void bt01CarriesTheSerialNumberWhenTheMeterSendsIt() {
        Bt01Identity id = new Bt01Identity("ELON", "83331-3I", 1, 0, 58, 134).withSerialNumber("1234567890ABCDEF");
        assertEquals(32, id.encode().length);
        assertEquals(id, Bt01Identity.decode(id.encode()));
        assertEquals(null, Bt01Identity.decode(java.util.Arrays.copyOf(id.encode(), 16)).serialNumber());
        byte[] bcd = java.util.Arrays.copyOf(id.encode(), 24);
        System.arraycopy(Hex.parse("0012345678901234"), 0, bcd, 16, 8);
        assertEquals("0012345678901234", Bt01Identity.decode(bcd, true).serialNumber());
    }

    @Test
    void theDecoderDispatchesBt00AndUsesTheBt00FormatWhenGiven() {
        assertTrue(TableDecoder.decode(TableId.BT00, new byte[19]) instanceof Bt00GeneralConfig);
        TableContext optical = TableContext.NONE.with(OPTICAL_BT21).with(DataFormat.MEP);
        assertEquals(10, ((Bt28PresentValues) TableDecoder.decode(TableId.BT28, new byte[40], optical)).values().size());
        assertThrows(TableDecodeException.class, () -> TableDecoder.decode(TableId.BT28, new byte[40]),
                "without BT00 the firmware's rule (55 values) applies");
    }
}
