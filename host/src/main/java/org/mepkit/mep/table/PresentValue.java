package org.mepkit.mep.table;

import java.util.Optional;

/**
 * The BT28 present values the board firmware knows (mep-protocol.md §9.4), with their index, the
 * firmware's JSON/MQTT name and unit. Names marked "ours" have no firmware name (web page only).
 */
public enum PresentValue {
    FWD_W(0, "Fwd_W", "W", "forward active power L1L2L3"),
    REV_W(1, "Rev_W", "W", "reverse active power L1L2L3"),
    IMPORT_REACTIVE_VAR(2, "ImportReactive_VAr", "VAr", "import reactive power L1L2L3"),
    EXPORT_REACTIVE_VAR(3, "ExportReactive_VAr", "VAr", "export reactive power L1L2L3"),
    L1_RMS_A(4, "L1_RMS_A", "mA", "RMS current L1"),
    L2_RMS_A(5, "L2_RMS_A", "mA", "RMS current L2"),
    L3_RMS_A(6, "L3_RMS_A", "mA", "RMS current L3"),
    L1_RMS_V(7, "L1_RMS_V", "mV", "RMS voltage L1"),
    L2_RMS_V(8, "L2_RMS_V", "mV", "RMS voltage L2"),
    L3_RMS_V(9, "L3_RMS_V", "mV", "RMS voltage L3"),
    L1_PF(10, "L1_PF_Fac", "1/1000", "power factor L1"),
    FREQ_MHZ(11, "Freq_mHz", "mHz", "frequency"),
    APPARENT_VA(12, "Apparent_VA", "VA", "apparent power L1L2L3 (name ours)"),
    L2_PF(13, "L2_PF_Fac", "1/1000", "power factor L2"),
    L3_PF(14, "L3_PF_Fac", "1/1000", "power factor L3"),
    L1_FWD_W(26, "L1_Fwd_W", "W", "forward active power L1"),
    L2_FWD_W(27, "L2_Fwd_W", "W", "forward active power L2"),
    L3_FWD_W(28, "L3_Fwd_W", "W", "forward active power L3"),
    L1_REV_W(29, "L1_Rev_W", "W", "reverse active power L1"),
    L2_REV_W(30, "L2_Rev_W", "W", "reverse active power L2"),
    L3_REV_W(31, "L3_Rev_W", "W", "reverse active power L3"),
    L1_RMS_V_CONT(41, "L1_RMS_V_Cont", "mV", "RMS voltage L1, continuous (name ours)"),
    L2_RMS_V_CONT(42, "L2_RMS_V_Cont", "mV", "RMS voltage L2, continuous (name ours)"),
    L3_RMS_V_CONT(43, "L3_RMS_V_Cont", "mV", "RMS voltage L3, continuous (name ours)"),
    L1_RMS_V_AVG(44, "L1_RMS_V_Avg", "mV", "RMS voltage L1, average (name ours)"),
    L2_RMS_V_AVG(45, "L2_RMS_V_Avg", "mV", "RMS voltage L2, average (name ours)"),
    L3_RMS_V_AVG(46, "L3_RMS_V_Avg", "mV", "RMS voltage L3, average (name ours)"),
    FWD_AVG_W(47, "Fwd_Avg_W", "W", "average forward active power L1L2L3"),
    REV_AVG_W(48, "Rev_Avg_W", "W", "average reverse active power L1L2L3"),
    L1_FWD_AVG_W(49, "L1_Fwd_Avg_W", "W", "average forward active power L1"),
    L2_FWD_AVG_W(50, "L2_Fwd_Avg_W", "W", "average forward active power L2"),
    L3_FWD_AVG_W(51, "L3_Fwd_Avg_W", "W", "average forward active power L3"),
    L1_REV_AVG_W(52, "L1_Rev_Avg_W", "W", "average reverse active power L1"),
    L2_REV_AVG_W(53, "L2_Rev_Avg_W", "W", "average reverse active power L2"),
    L3_REV_AVG_W(54, "L3_Rev_Avg_W", "W", "average reverse active power L3");

    /** The firmware assumes at least 55 present values (indices 0..54). */
    public static final int FIRMWARE_COUNT = 55;

    private final int index;
    private final String jsonName;
    private final String unit;
    private final String description;

    PresentValue(int index, String jsonName, String unit, String description) {
        this.index = index;
        this.jsonName = jsonName;
        this.unit = unit;
        this.description = description;
    }

    public int index() {
        return index;
    }

    public String jsonName() {
        return jsonName;
    }

    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    public static Optional<PresentValue> atIndex(int index) {
        for (PresentValue v : values()) {
            if (v.index == index) return Optional.of(v);
        }
        return Optional.empty();
    }
}
