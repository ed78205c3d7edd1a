package org.mepkit.board.firmware;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;

/**
 * The values the dabbler firmware decodes from the meter's tables and serves as the
 * {@code /getDashDataWS} JSON (board-firmware-behaviour.md §7.3, mep-protocol.md §9).
 */
public final class DashData {

    public static final String SW_VERSION = "Mar 28 2024 17:23:27";

    String manufacturer = "";
    String model = "";
    int swMain;
    int swRevision;
    String utilitySn = "";
    int a23;
    int a28;
    int presentDemands;
    long fwdActWh;
    long revActWh;
    /** BT28 present values by index (0..54); only the stored ones are used. */
    final int[] present = new int[55];
    /** Board clock: set from BT52; before that the epoch year 1970 plus uptime. */
    LocalDateTime clockBase = LocalDateTime.of(1970, 1, 1, 0, 0, 0);
    long clockSetAtMillis;

    /**
     * Decodes the reply to a full read ({@code 0x30}) or a partial read from offset 0 ({@code 0x3F}) of one of the
     * tables the dashboard shows; other replies are ignored. A BT23 decode is logged as the firmware does.
     */
    void decodeReply(byte[] body, byte[] reply, long nowMs, BoardIo io) {
        if (reply.length < 5) return;
        byte[] data = Arrays.copyOfRange(reply, 5, reply.length);
        int len = data.length;
        int table = ((body[1] & 0xFF) << 8) | (body[2] & 0xFF);
        boolean full = body[0] == 0x30;
        boolean partialAtZero = body[0] == 0x3F && body.length >= 6 && body[3] == 0 && body[4] == 0 && body[5] == 0;
        if (!full && !partialAtZero) return;
        switch (table) {
            case 0x0001 -> decodeBt01(data, len);
            case 0x0015 -> decodeBt21(data, len);
            case 0x0017 -> {
                if (decodeBt23(data, len)) {
                    io.println("Decoded FwdActiveWhL1L2L3=" + fwdActWh + " and RevActiveWhL1L2L3=" + revActWh);
                    io.println("Storing Fwd_Act_Wh=" + fwdActWh + " and Rev_Act_Wh=" + revActWh);
                }
            }
            case 0x001C -> decodeBt28(data, len);
            case 0x0034 -> decodeBt52(data, len, nowMs);
            case 0x0803 -> decodeEt03(data, len);
            default -> {
            }
        }
    }

    void decodeBt01(byte[] data, int len) {
        if (len <= 15) return;
        manufacturer = new String(data, 0, 4, StandardCharsets.ISO_8859_1);
        model = new String(data, 4, 8, StandardCharsets.ISO_8859_1);
        swMain = data[14] & 0xFF;
        swRevision = data[15] & 0xFF;
    }

    void decodeBt21(byte[] data, int len) {
        if (len <= 9) return;
        a23 = (data[0] & 0x04) != 0 ? 1 : 0;
        a28 = (data[0] & 0x40) != 0 ? 3 : 0;
        presentDemands = data[8] & 0xFF;
    }

    /** Returns true when decoded (the firmware then logs two lines). */
    boolean decodeBt23(byte[] data, int len) {
        if (len <= a23 + 8) return false;
        fwdActWh = org.mepkit.mep.frame.Wire.s32le(data, a23) & 0xFFFFFFFFL;
        revActWh = org.mepkit.mep.frame.Wire.s32le(data, a23 + 4) & 0xFFFFFFFFL;
        return true;
    }

    void decodeBt28(byte[] data, int len) {
        int base = ((a28 + 4) * presentDemands) & 0xFF;
        if (len <= base + 216) return;
        for (int k = 0; k < 55; k++) present[k] = org.mepkit.mep.frame.Wire.s32le(data, base + 4 * k);
    }

    void decodeBt52(byte[] data, int len, long nowMillis) {
        if (len <= 6) return;
        try {
            clockBase = LocalDateTime.of(2000 + (data[0] & 0xFF), data[1], data[2], data[3], data[4], data[5]);
            clockSetAtMillis = nowMillis;
        } catch (java.time.DateTimeException e) {
            // an impossible date leaves the clock as it was
        }
    }

    void decodeEt03(byte[] data, int len) {
        if (len <= 138) return;
        int end = 30;
        while (end > 1 && data[end - 1] == 0x20) end--;
        utilitySn = new String(data, 0, end, StandardCharsets.ISO_8859_1);
    }

    public long fwdActWh() {
        return fwdActWh;
    }

    public long revActWh() {
        return revActWh;
    }

    String json(long nowMillis) {
        LocalDateTime t = clockBase.plusNanos((nowMillis - clockSetAtMillis) * 1_000_000L);
        String yy = String.format("%02d", t.getYear() - 2000);
        String date = "20" + yy + String.format("-%02d-%02d", t.getMonthValue(), t.getDayOfMonth());
        String time = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        // HandleGetDashDataWS's raw literal (NES-MEP-WebPages.cpp:87-124): a newline, 4 spaces and the brace, fields
        // indented 6 with no space after the colon, then the closing brace indented 4 and a newline plus 2 spaces
        StringBuilder sb = new StringBuilder("\n    {\n");
        str(sb, "ESP_SW", "ESP32 MEP");
        str(sb, "ESP_SW_By", "dabbler.dk");
        str(sb, "ESP_SW_Version", SW_VERSION);
        str(sb, "Meter_Manufacturer", manufacturer);
        str(sb, "Meter_Model", model);
        str(sb, "Meter_SW_Version", swMain + "." + swRevision);
        str(sb, "Utility_SN", utilitySn);
        str(sb, "CurrentDateTimeString", date + " (" + t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                + ") @ " + time);
        str(sb, "CurrentDateTime", date + "T" + time + ".000Z");
        num(sb, "Fwd_Act_Wh", fwdActWh);
        num(sb, "Rev_Act_Wh", revActWh);
        num(sb, "Fwd_W", present[0]);
        num(sb, "Rev_W", present[1]);
        num(sb, "Freq_mHz", present[11]);
        num(sb, "L1_RMS_A", present[4]);
        num(sb, "L2_RMS_A", present[5]);
        num(sb, "L3_RMS_A", present[6]);
        num(sb, "L1_RMS_V", present[7]);
        num(sb, "L2_RMS_V", present[8]);
        num(sb, "L3_RMS_V", present[9]);
        num(sb, "L1_Fwd_W", present[26]);
        num(sb, "L2_Fwd_W", present[27]);
        num(sb, "L3_Fwd_W", present[28]);
        num(sb, "L1_Rev_W", present[29]);
        num(sb, "L2_Rev_W", present[30]);
        num(sb, "L3_Rev_W", present[31]);
        num(sb, "Fwd_Avg_W", present[47]);
        num(sb, "Rev_Avg_W", present[48]);
        num(sb, "L1_Fwd_Avg_W", present[49]);
        num(sb, "L2_Fwd_Avg_W", present[50]);
        num(sb, "L3_Fwd_Avg_W", present[51]);
        num(sb, "L1_Rev_Avg_W", present[52]);
        num(sb, "L2_Rev_Avg_W", present[53]);
        num(sb, "L3_Rev_Avg_W", present[54]);
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
    static String cString(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }
}
