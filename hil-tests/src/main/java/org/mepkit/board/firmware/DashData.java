package org.mepkit.board.firmware;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;

import org.mepkit.dash.DashJson;

/**
 * The values the dabbler firmware decodes from the meter's tables and serves as the
 * {@code /getDashDataWS} JSON (board-firmware-behaviour.md §7.3, mep-protocol.md §9).
 */
public final class DashData {

    public static final String SW_VERSION = DashJson.Software.FIRMWARE.version();

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

    /** The firmware's {@code /getDashDataWS} body at {@code nowMillis} (the shared renderer, {@link DashJson}). */
    String json(long nowMillis) {
        LocalDateTime t = clockBase.plusNanos((nowMillis - clockSetAtMillis) * 1_000_000L);
        return DashJson.render(new DashJson.Values(DashJson.Software.FIRMWARE, manufacturer, model, swMain + "." + swRevision,
                utilitySn, t, fwdActWh, revActWh, k -> present[k]));
    }
}
