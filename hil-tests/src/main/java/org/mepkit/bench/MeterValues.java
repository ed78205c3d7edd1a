package org.mepkit.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The readings the bench meter serves, in the meter's units (Wh, W, mA, mV, mHz), and the
 * table images built from them (mep-protocol.md §9, BT21 flags 0 and no present demands,
 * so BT28 present values start at data offset 0).
 */
public record MeterValues(String manufacturer, String model, int swMain, int swRevision, String utilitySerial,
                          int fwdActWh, int revActWh, int fwdW, int revW, int freqMilliHz,
                          int[] rmsMilliAmps, int[] rmsMilliVolts, int alertEntrySize, int mepFlags) {

    public static MeterValues sample() {
        return new MeterValues("ITRN", "OMNIPWR3", 4, 7, "MEPKIT-TWIN-0001", 12_345_678, 2_345, 1_530, 0, 50_012,
                new int[] {2_100, 3_200, 1_050}, new int[] {230_100, 229_800, 231_400}, 66, 0x00);
    }

    void fill(Map<Integer, byte[]> tables) {
        byte[] bt01 = new byte[24];
        ascii(bt01, 0, manufacturer, 4);
        ascii(bt01, 4, model, 8);
        bt01[14] = (byte) swMain;
        bt01[15] = (byte) swRevision;
        tables.put(BenchMeter.BT01, bt01);
        tables.put(BenchMeter.BT21, new byte[10]);
        byte[] bt23 = new byte[13];
        le(bt23, 0, fwdActWh);
        le(bt23, 4, revActWh);
        tables.put(BenchMeter.BT23, bt23);
        byte[] bt28 = new byte[55 * 4];
        le(bt28, 0, fwdW);
        le(bt28, 4, revW);
        for (int i = 0; i < 3; i++) {
            le(bt28, 4 * (4 + i), rmsMilliAmps[i]);
            le(bt28, 4 * (7 + i), rmsMilliVolts[i]);
            le(bt28, 4 * (26 + i), fwdW / 3);
            le(bt28, 4 * (49 + i), fwdW / 3);
        }
        le(bt28, 4 * 11, freqMilliHz);
        le(bt28, 4 * 47, fwdW);
        tables.put(BenchMeter.BT28, bt28);
        tables.put(BenchMeter.BT52, new byte[] {24, 3, 28, 17, 23, 27, 4});
        byte[] et03 = new byte[140];
        java.util.Arrays.fill(et03, 0, 30, (byte) ' ');
        ascii(et03, 0, utilitySerial, 30);
        tables.put(BenchMeter.ET03, et03);
        byte[] et11 = new byte[32];
        et11[0] = 1;
        et11[1] = (byte) alertEntrySize;
        tables.put(BenchMeter.ET11, et11);
        tables.put(BenchMeter.ET13, new byte[4 * alertEntrySize + alertEntrySize]);
        byte[] et50 = new byte[68];
        et50[30] = (byte) mepFlags;
        tables.put(BenchMeter.ET50, et50);
        tables.put(BenchMeter.BT08, new byte[] {0x27, 0x08, 0x05, 0x00, 0x00});
        tables.put(BenchMeter.ET58, new byte[] {0x00, 0x00, 0x00, 0x00});
    }

    private static void ascii(byte[] b, int at, String s, int max) {
        byte[] a = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(a, 0, b, at, Math.min(max, a.length));
    }

    private static void le(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }
}
