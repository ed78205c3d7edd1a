package org.mepkit.dash;

import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

import org.mepkit.mep.table.PresentValue;

/**
 * The board firmware's {@code GET /getDashDataWS} body (board-firmware-behaviour.md §7.3), byte for byte as
 * its handler prints it: the fields in the firmware's order and with its names and units (energy in Wh,
 * currents in mA, voltages in mV, frequency in mHz), numbers as unsigned 32-bit decimals, strings unescaped
 * and cut at a NUL like C's {@code %s}. One renderer for the virtual board and for {@code mep watch --http},
 * so the board's Home Assistant integration reads both the same way.
 */
public final class DashJson {

    /** The BT28 present values after the energy registers, in the firmware's order. */
    public static final List<PresentValue> PRESENT = List.of(PresentValue.FWD_W, PresentValue.REV_W, PresentValue.FREQ_MHZ,
            PresentValue.L1_RMS_A, PresentValue.L2_RMS_A, PresentValue.L3_RMS_A,
            PresentValue.L1_RMS_V, PresentValue.L2_RMS_V, PresentValue.L3_RMS_V,
            PresentValue.L1_FWD_W, PresentValue.L2_FWD_W, PresentValue.L3_FWD_W,
            PresentValue.L1_REV_W, PresentValue.L2_REV_W, PresentValue.L3_REV_W,
            PresentValue.FWD_AVG_W, PresentValue.REV_AVG_W,
            PresentValue.L1_FWD_AVG_W, PresentValue.L2_FWD_AVG_W, PresentValue.L3_FWD_AVG_W,
            PresentValue.L1_REV_AVG_W, PresentValue.L2_REV_AVG_W, PresentValue.L3_REV_AVG_W);

    /**
     * What the page shows.
     *
     * @param software        {@code ESP_SW}, {@code ESP_SW_By}, {@code ESP_SW_Version}
     * @param meterSwVersion  {@code <main>.<revision>}
     * @param clock           the clock the dates are printed from
     * @param present         BT28 value by index (0 where the meter has none)
     */
    public record Values(Software software, String manufacturer, String model, String meterSwVersion, String utilitySn,
                         LocalDateTime clock, long forwardActiveWh, long reverseActiveWh, IntUnaryOperator present) { }

    /** Who serves the page. */
    public record Software(String name, String by, String version) {
        /** The shipped firmware's own identity. */
        public static final Software FIRMWARE = new Software("ESP32 MEP", "dabbler.dk", "Mar 28 2024 17:23:27");
    }

    private DashJson() {
    }

    public static String render(Values v) {
        LocalDateTime t = v.clock();
        String yy = String.format(Locale.ROOT, "%02d", t.getYear() - 2000);
        String date = "20" + yy + String.format(Locale.ROOT, "-%02d-%02d", t.getMonthValue(), t.getDayOfMonth());
        String time = String.format(Locale.ROOT, "%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        // HandleGetDashDataWS's raw literal: a newline, 4 spaces and the brace, fields indented 6 with no space after
        // the colon, then the closing brace indented 4 and a newline plus 2 spaces
        StringBuilder sb = new StringBuilder("\n    {\n");
        str(sb, "ESP_SW", v.software().name());
        str(sb, "ESP_SW_By", v.software().by());
        str(sb, "ESP_SW_Version", v.software().version());
        str(sb, "Meter_Manufacturer", v.manufacturer());
        str(sb, "Meter_Model", v.model());
        str(sb, "Meter_SW_Version", v.meterSwVersion());
        str(sb, "Utility_SN", v.utilitySn());
        str(sb, "CurrentDateTimeString", date + " (" + t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + ") @ " + time);
        str(sb, "CurrentDateTime", date + "T" + time + ".000Z");
        num(sb, "Fwd_Act_Wh", v.forwardActiveWh());
        num(sb, "Rev_Act_Wh", v.reverseActiveWh());
        for (PresentValue pv : PRESENT) num(sb, pv.jsonName(), v.present().applyAsInt(pv.index()));
        sb.setLength(sb.length() - 2); // last ",\n"
        return sb.append("\n    }\n  ").toString();
    }

    private static void str(StringBuilder sb, String name, String value) {
        sb.append("      \"").append(name).append("\":\"").append(cString(value)).append("\",\n");
    }

    private static void num(StringBuilder sb, String name, long value) {
        sb.append("      \"").append(name).append("\":").append(value & 0xFFFFFFFFL).append(",\n");
    }

    /** What {@code %s} prints of a C string: everything before the first NUL. */
    public static String cString(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }
}
