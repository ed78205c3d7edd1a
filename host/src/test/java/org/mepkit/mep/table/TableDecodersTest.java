package org.mepkit.mep.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mepkit.mep.frame.TableDecodeException;
import org.mepkit.mep.frame.UnknownTableException;
import org.mepkit.util.Hex;

/** Decoders against table data written by hand from mep-protocol.md §9, and round trips through encode(). */
class TableDecodersTest {

    @Test
    void bt01ReadsManufacturerModelAndFirmwareVersion() {
        byte[] data = Hex.parse("454c4f4e 38333333312d3349 01 02 3a 86");
        Bt01Identity id = Bt01Identity.decode(data);
        assertEquals(new Bt01Identity("ELON", "83331-3I", 1, 2, 58, 134), id);
        assertEquals("58.134", id.firmwareVersionText());
        assertArrayEquals(data, id.encode());
        assertEquals("Meter_SW_Version", id.fields().get(4).name());
        assertEquals("58.134", id.fields().get(4).value());
        assertThrows(TableDecodeException.class, () -> Bt01Identity.decode(new byte[15]));
    }

    @Test
    void bt21GivesTheBt23AndBt28Layouts() {
        Bt21ActualRegister r = Bt21ActualRegister.decode(Hex.parse("44 00 01 02 03 04 05 06 02 37"));
        assertEquals(1, r.bt23PrefixLength());
        assertEquals(3, r.bt28DemandPrefixLength());
        assertEquals(6, r.tiers());
        assertEquals(2, r.presentDemands());
        assertEquals(55, r.presentValues());
        assertEquals(14, r.bt28PresentValueOffset());
        // the firmware computes B in 8 bits: (3 + 4) * 40 = 280 -> 24
        assertEquals(24, new Bt21ActualRegister(0x40, 0, 0, 0, 0, 0, 0, 0, 40, 0).bt28PresentValueOffset());
        assertEquals("4400010203040506 0237".replace(" ", ""), Hex.lower(r.encode()));
        assertEquals(0, Bt21ActualRegister.NOT_READ.bt23PrefixLength());
    }

    @Test
    void bt23PollWithDemandResetPrefix() {
        Bt21ActualRegister withPrefix = new Bt21ActualRegister(0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        byte[] data = Hex.parse("05 e8030000 f6ffffff 10270000"); // 13 bytes
        Bt23CurrentRegisters r = Bt23CurrentRegisters.decode(data, withPrefix);
        assertEquals(5, r.demandResetCount());
        assertEquals(1000, r.forwardActiveWh());
        assertEquals(-10, r.reverseActiveWh(), "BT23 values are signed");
        assertEquals(List.of(1000, -10, 10000), r.summations());
        assertArrayEquals(data, r.encode());
    }

    @Test
    void bt23PollWithoutPrefixKeepsTheOddByte() {
        byte[] data = Hex.parse("e8030000 f6ffffff 10270000 07"); // 13 bytes, no prefix
        Bt23CurrentRegisters r = Bt23CurrentRegisters.decode(data);
        assertNull(r.demandResetCount());
        assertEquals(1000, r.forwardActiveWh());
        assertEquals(-10, r.reverseActiveWh());
        assertEquals("07", Hex.lower(r.trailing()));
        assertArrayEquals(data, r.encode());
    }

    @Test
    void bt23SixteenByteAndFullForms() {
        byte[] sixteen = Hex.parse("01000000 02000000 03000000 04000000");
        assertEquals(List.of(1, 2, 3, 4), Bt23CurrentRegisters.decode(sixteen).summations());
        Bt23CurrentRegisters full = new Bt23CurrentRegisters(9, List.of(1, 2, 3, 4, 5, 6, 7, 8), new byte[0]);
        assertEquals(full, Bt23CurrentRegisters.decode(full.encode(), new Bt21ActualRegister(0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals("01000000020000000300", Hex.lower(Bt23CurrentRegisters.decode(sixteen).encodePartial(10)));
        assertThrows(TableDecodeException.class, () -> Bt23CurrentRegisters.decode(new byte[7]));
        assertThrows(TableDecodeException.class, () -> Bt23CurrentRegisters.decode(new byte[8],
                new Bt21ActualRegister(0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
    }

    @Test
    void bt28ReadsEveryPresentValueSignedWithItsUnit() {
        // A28 = 0, Npd = 2 -> B = 8; frequency (value 11) at data offsets 52..55 (§9.4 example)
        byte[] data = new byte[8 + 4 * 55];
        for (int i = 0; i < 8; i++) data[i] = (byte) (0xA0 + i);
        putLe(data, 8 + 4 * 0, 1234);          // Fwd_W
        putLe(data, 8 + 4 * 7, 230125);        // L1_RMS_V, mV
        putLe(data, 8 + 4 * 10, -950);         // L1 power factor, negative
        data[52] = (byte) 0x5C;                // Freq_mHz = 50012 = 0x0000C35C, LE at 52..55
        data[53] = (byte) 0xC3;
        putLe(data, 8 + 4 * 54, -1);           // L3_Rev_Avg_W
        putLe(data, 8 + 4 * 20, 777);          // unnamed value 20
        Bt28PresentValues v = Bt28PresentValues.decode(data, new Bt21ActualRegister(0, 0, 0, 0, 0, 0, 0, 0, 2, 55));
        assertEquals(1234, v.value(PresentValue.FWD_W));
        assertEquals(230125, v.value(PresentValue.L1_RMS_V));
        assertEquals(-950, v.value(PresentValue.L1_PF), "a negative power factor comes out negative");
        assertEquals(50012, v.value(PresentValue.FREQ_MHZ));
        assertEquals(-1, v.value(PresentValue.L3_REV_AVG_W));
        assertEquals(55, v.values().size());
        assertEquals("a0a1a2a3a4a5a6a7", Hex.lower(v.presentDemands()));
        assertArrayEquals(data, v.encode());

        List<TableField> f = v.fields();
        assertEquals(TableField.of("present_demands_hex", "a0a1a2a3a4a5a6a7"), f.get(0));
        assertEquals(TableField.of("Fwd_W", 1234, "W"), f.get(1));
        assertEquals(TableField.of("L1_RMS_V", 230125, "mV"), f.get(1 + 7));
        assertEquals(TableField.of("L1_PF_Fac", -950, "1/1000"), f.get(1 + 10));
        assertEquals(TableField.of("Freq_mHz", 50012, "mHz"), f.get(1 + 11));
        assertEquals(TableField.of("pv_20", 777), f.get(1 + 20));
        assertEquals(1 + 55, f.size(), "every present value is rendered");
    }

    @Test
    void bt28NeedsAll55ValuesAfterThePresentDemands() {
        assertThrows(TableDecodeException.class, () -> Bt28PresentValues.decode(new byte[219]));
        assertEquals(55, Bt28PresentValues.decode(new byte[220]).values().size());
        assertThrows(TableDecodeException.class, () -> Bt28PresentValues.decode(new byte[220],
                new Bt21ActualRegister(0, 0, 0, 0, 0, 0, 0, 0, 1, 0)));
    }

    @Test
    void bt28OfNamedValuesRoundTrips() {
        Bt28PresentValues v = Bt28PresentValues.of(Map.of(PresentValue.L2_PF, -500, PresentValue.REV_W, 42));
        assertEquals(v, Bt28PresentValues.decode(v.encode()));
        assertEquals(-500, Bt28PresentValues.decode(v.encode()).value(PresentValue.L2_PF));
        assertEquals(35, v.known().size());
    }

    @Test
    void bt52ReadsTheReferenceExample() {
        Bt52Clock c = Bt52Clock.decode(Hex.parse("18 03 1C 11 17 1B 04"));
        assertEquals(LocalDateTime.of(2024, 3, 28, 17, 23, 27), c.dateTime().orElseThrow());
        assertEquals(DayOfWeek.THURSDAY, c.dayOfWeek().orElseThrow());
        assertFalse(c.dstInEffect());
        assertEquals("2024-03-28 17:23:27", c.text());
        assertEquals("18031c11171b04", Hex.lower(c.encode()));
        assertEquals(c, Bt52Clock.of(LocalDateTime.of(2024, 3, 28, 17, 23, 27)));
        Bt52Clock flags = Bt52Clock.decode(Hex.parse("18 0d 20 19 3c 3c 78"));
        assertTrue(flags.dateTime().isEmpty(), "month 13 is kept, not a date");
        assertTrue(flags.dstInEffect() && flags.gmt() && flags.timeZoneApplied() && flags.dstApplied());
        assertThrows(TableDecodeException.class, () -> Bt52Clock.decode(new byte[6]));
    }

    @Test
    void et03TrimsTrailingSpacesAndReadsTheCrcBigEndian() {
        byte[] data = new byte[139];
        byte[] sn = "NES1234567   ".getBytes();
        System.arraycopy(sn, 0, data, 0, sn.length);
        for (int i = sn.length; i < 30; i++) data[i] = ' ';
        data[137] = (byte) 0xBE;
        data[138] = (byte) 0xEF;
        Et03UtilityInfo u = Et03UtilityInfo.decode(data);
        assertEquals("NES1234567", u.serialNumber());
        assertEquals(0xBEEF, u.imageCrc());
        assertEquals(u, Et03UtilityInfo.decode(u.encode()));
        byte[] blank = new byte[139];
        java.util.Arrays.fill(blank, 0, 30, (byte) ' ');
        assertEquals(" ", Et03UtilityInfo.decode(blank).serialNumber(), "position 0 is never trimmed");
        assertThrows(TableDecodeException.class, () -> Et03UtilityInfo.decode(new byte[138]));
    }

    @Test
    void et11ReadsBytesAndBigEndianWords() {
        byte[] data = Hex.parse("05 42 10 04 20 0102 0200 0300 11 12 13 00000000 01 02 03 04 05 06 07 08 09 0a 0100 0200");
        Et11DimensionTable t = Et11DimensionTable.decode(data);
        assertEquals(5, t.numberOfDevices());
        assertEquals(66, t.configEntrySize());
        assertEquals(0x0102, t.dataEntrySize());
        assertEquals(0x0200, t.transactionRequestLength());
        assertEquals(0x0300, t.transactionResponseLength());
        assertEquals(0x13, t.configEntry2Size());
        assertEquals(1, t.numberOfGroupIds());
        assertEquals(10, t.mepDataAlertSources());
        assertEquals(0x0100, t.ramTransactionRequestLength());
        assertEquals(0x0200, t.ramTransactionResponseLength());
        assertArrayEquals(data, t.encode());
        assertThrows(TableDecodeException.class, () -> Et11DimensionTable.decode(new byte[31]));
    }

    @Test
    void et13PutsTheAlertFlagsAtFourEntriesPlusEight() {
        Et13MepDeviceConfig c = Et13MepDeviceConfig.of(66, 0x5A);
        byte[] data = c.encode();
        assertEquals(330, data.length);
        assertEquals(0x5A, data[4 * 66 + 8] & 0xFF, "offset 0x0110 as in the alert chain example");
        Et13MepDeviceConfig inferred = Et13MepDeviceConfig.decode(data);
        assertEquals(66, inferred.entrySize());
        assertEquals(0x5A, inferred.mepAlertFlags());
        assertEquals(39, inferred.billingReadDay(0));
        assertEquals(9600, Et13MepDeviceConfig.baudRate(inferred.baudCode(4)));
        assertEquals(57, inferred.mepDownlinkData().length);
        assertEquals(c, Et13MepDeviceConfig.decode(data, Et11DimensionTable.of(5, 66)));
        assertTrue(c.fields().stream().anyMatch(f -> f.name().equals("mbus1_security_key") && f.value().equals("redacted (0 bytes)")));
    }

    @Test
    void et13StatusFrequencyIsBigEndianAndSmallEntriesWork() {
        byte[] data = new byte[45]; // S = 9
        data[4] = 0x01;
        data[5] = 0x02;
        data[36 + 8] = 0x03;
        Et13MepDeviceConfig c = Et13MepDeviceConfig.decode(data, Et11DimensionTable.of(5, 9));
        assertEquals(0x0102, c.statusReadFrequency(0));
        assertEquals(3, c.mepAlertFlags());
        assertEquals(0, c.mepDownlinkData().length);
        assertThrows(TableDecodeException.class, () -> Et13MepDeviceConfig.decode(data, Et11DimensionTable.of(5, 8)));
        assertThrows(TableDecodeException.class, () -> Et13MepDeviceConfig.decode(new byte[44], Et11DimensionTable.of(5, 9)));
        assertThrows(TableDecodeException.class, () -> Et13MepDeviceConfig.decode(new byte[46]));
    }

    @Test
    void et50ReadsFlagsAndLittleEndianArrays() {
        byte[] data = new byte[68];
        byte[] id = "MEP-DEVICE".getBytes();
        System.arraycopy(id, 0, data, 0, id.length);
        data[30] = 0x02;
        data[31] = 0x34;
        data[32] = 0x12;
        data[43] = (byte) 0xFE;
        data[44] = (byte) 0xFF;
        data[45] = (byte) 0xFF;
        data[46] = (byte) 0xFF;
        data[67] = 7;
        Et50MepInboundData e = Et50MepInboundData.decode(data);
        assertTrue(e.resultInEt58());
        assertEquals(0x1234, e.iconControl().get(0));
        assertEquals(-2, e.displayData().get(0));
        assertEquals(7, e.iconDisplayControl());
        assertArrayEquals(data, e.encode());
        assertFalse(Et50MepInboundData.of("X", 0).resultInEt58());
        assertThrows(TableDecodeException.class, () -> Et50MepInboundData.decode(new byte[67]));
    }

    @Test
    void procedureResultReadsTheResultCodeAtByteThree() {
        Bt08ProcedureResult r = Bt08ProcedureResult.decode(Hex.parse("2708 05 00 aabb"));
        assertEquals(0x0827, r.procedureNumber());
        assertEquals(5, r.procSeq());
        assertEquals(ProcedureOutcome.COMPLETED, r.outcome());
        assertEquals("aabb", Hex.lower(r.responseData()));
        assertEquals("27080500aabb", Hex.lower(r.encode()));
        assertEquals(ProcedureOutcome.UNRECOGNIZED_PROCEDURE, Bt08ProcedureResult.decode(Hex.parse("27080506")).outcome());
        assertEquals(ProcedureOutcome.UNKNOWN, Bt08ProcedureResult.decode(Hex.parse("27080599")).outcome());
        assertThrows(TableDecodeException.class, () -> Bt08ProcedureResult.decode(new byte[3]));
    }

    @Test
    void theDecoderDispatchesByIdAndRefusesUnknownTables() {
        assertInstanceOf(Bt52Clock.class, TableDecoder.decode(TableId.BT52, Hex.parse("18031c11171b04")));
        assertInstanceOf(Bt08ProcedureResult.class, TableDecoder.decode(TableId.ET58, Hex.parse("27080500")));
        assertEquals(TableId.ET58, TableDecoder.decode(TableId.ET58, Hex.parse("27080500")).tableId());
        var bt23 = (Bt23CurrentRegisters) TableDecoder.decode(TableId.BT23, Hex.parse("05e8030000f6ffffff10270000"),
                TableContext.NONE.with(new Bt21ActualRegister(0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals(1000, bt23.forwardActiveWh());
        var e = assertThrows(UnknownTableException.class, () -> TableDecoder.decode(TableId.BT07, new byte[4]));
        assertEquals("no decoder for table BT07 (0x0007)", e.getMessage());
        assertEquals(TableId.BT07, e.table());
    }

    @Test
    void everyKnownTableRoundTripsThroughTheDecoder() {
        List<MepTable> tables = List.of(
                new Bt01Identity("ELON", "83331-3I", 0, 0, 58, 134),
                new Bt21ActualRegister(0, 0, 0, 2, 0, 0, 0, 0, 0, 55),
                Bt23CurrentRegisters.of(123456, -7),
                Bt28PresentValues.of(Map.of(PresentValue.FREQ_MHZ, 49980)),
                Bt52Clock.of(LocalDateTime.of(2026, 11, 25, 20, 30, 0)),
                new Et03UtilityInfo("UTIL-0001", 0x1234),
                Et11DimensionTable.of(5, 66),
                Et13MepDeviceConfig.of(66, 1),
                Et50MepInboundData.of("mepkit", 2),
                Bt08ProcedureResult.of(0x0827, 5, ProcedureOutcome.COMPLETED));
        for (MepTable t : tables) {
            assertEquals(t, TableDecoder.decode(t.tableId(), t.encode()), t.tableId().name());
            assertTrue(TableDecoder.knownTables().contains(t.tableId()));
            assertFalse(t.fields().isEmpty());
        }
    }

    private static void putLe(byte[] b, int off, int v) {
        for (int i = 0; i < 4; i++) b[off + i] = (byte) (v >>> (8 * i));
    }
}
