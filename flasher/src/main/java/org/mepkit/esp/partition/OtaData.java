package org.mepkit.esp.partition;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.OptionalInt;

/**
 * The otadata partition: two sectors, each holding an {@code esp_ota_select_entry_t} (ota_seq u32,
 * seq_label[20], ota_state u32, crc u32). An entry counts when its seq is not 0xFFFFFFFF and its CRC (CRC-32
 * of the 4 seq bytes, as ESP-IDF computes it) matches; the higher seq wins and selects OTA slot (seq-1) mod n.
 * A blank otadata (all 0xFF, what Arduino's boot_app0.bin holds) selects nothing: the bootloader then boots the
 * factory app, or ota_0 when there is none. An over-the-air update writes an entry selecting the other slot.
 */
public final class OtaData {

    public static final int SECTOR = 0x1000;

    private OtaData() {
    }

    /** The OTA slot the otadata selects, or empty when both entries are blank or invalid. */
    public static OptionalInt selectedSlot(byte[] otadata, int otaAppCount) {
        if (otaAppCount <= 0 || otadata.length < 2 * SECTOR) return OptionalInt.empty();
        long best = -1;
        for (int sector = 0; sector < 2; sector++) {
            ByteBuffer b = ByteBuffer.wrap(otadata, sector * SECTOR, 32).slice().order(ByteOrder.LITTLE_ENDIAN);
            long seq = Integer.toUnsignedLong(b.getInt(0));
            long crc = Integer.toUnsignedLong(b.getInt(28));
            if (seq == 0xFFFFFFFFL || crc != seqCrc((int) seq)) continue;
            best = Math.max(best, seq);
        }
        if (best <= 0) return OptionalInt.empty();
        return OptionalInt.of((int) ((best - 1) % otaAppCount));
    }

    /** A blank otadata partition of {@code size} bytes: erased flash, selecting no OTA slot. */
    public static byte[] blank(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 0xFF);
        return b;
    }

    /** One otadata entry (32 bytes) selecting {@code seq}; used to build test flashes. */
    public static byte[] entry(int seq) {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(seq);
        for (int i = 0; i < 20; i++) b.put((byte) 0xFF);
        b.putInt(0xFFFFFFFF);   // ota_state: undefined
        b.putInt((int) seqCrc(seq));
        return b.array();
    }

    /** CRC-32 (reflected, poly 0xEDB88320) of the seq's 4 bytes, started from 0xFFFFFFFF as ESP-IDF passes it. */
    public static long seqCrc(int seq) {
        byte[] data = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(seq).array();
        int crc = ~0xFFFFFFFF;
        for (byte value : data) {
            crc ^= value & 0xFF;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xEDB88320 : crc >>> 1;
        }
        return Integer.toUnsignedLong(~crc);
    }
}
