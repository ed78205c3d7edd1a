package org.mepkit.mep.frame;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts packets out of a MEP byte stream, in either direction: both start with a u16 BE length
 * counting the bytes after it. Bytes may arrive in any split.
 *
 * <ul>
 *   <li>A length field that would make the packet longer than the maximum is absurd: its first byte
 *       is dropped and the search goes on one byte later; consecutive drops come out as one
 *       {@link DeframerEvent.Garbage}.</li>
 *   <li>A plausible but incomplete packet is held. The caller calls {@link #flushPartial()} once
 *       the line has been idle (the firmware waits 100 ms), which drops it as garbage.</li>
 *   <li>{@code 00 00} is a 2-byte packet: the alert.</li>
 * </ul>
 *
 * Not thread-safe: one reader feeds it.
 */
public final class Deframer {

    /** The firmware accepts at most 511 bytes per packet (§2.3 step 4). */
    public static final int DEFAULT_MAX_PACKET_LENGTH = Responses.MAX_PACKET_LENGTH;

    private final int maxPacketLength;
    private byte[] buffer;
    private int size;
    private final ByteArrayOutputStream dropped = new ByteArrayOutputStream();

    public Deframer() {
        this(DEFAULT_MAX_PACKET_LENGTH);
    }

    /** @param maxPacketLength the largest packet accepted, length field included (2..65537) */
    public Deframer(int maxPacketLength) {
        if (maxPacketLength < 2 || maxPacketLength > 0xFFFF + 2) {
            throw new IllegalArgumentException("max packet length " + maxPacketLength + " is outside 2..65537");
        }
        this.maxPacketLength = maxPacketLength;
        this.buffer = new byte[Math.min(maxPacketLength, 1024)];
    }

    public int maxPacketLength() {
        return maxPacketLength;
    }

    /** Adds received bytes; returns the packets (and dropped garbage) they complete, in stream order. */
    public List<DeframerEvent> feed(byte[] b, int off, int len) {
        if (off < 0 || len < 0 || off + len > b.length) {
            throw new IndexOutOfBoundsException("off " + off + ", len " + len + " for " + b.length + " bytes");
        }
        List<DeframerEvent> events = new ArrayList<>();
        int pos = off;
        int end = off + len;
        while (pos < end) {
            int room = maxPacketLength - size;
            int n = Math.min(room, end - pos);
            append(b, pos, n);
            pos += n;
            extract(events);
        }
        extract(events);
        return events;
    }

    public List<DeframerEvent> feed(byte[] b) {
        return feed(b, 0, b.length);
    }

    /** Drops a held incomplete packet; call after the line has been idle. */
    public List<DeframerEvent> flushPartial() {
        List<DeframerEvent> events = new ArrayList<>();
        if (size > 0) {
            dropped.write(buffer, 0, size);
            size = 0;
            emitGarbage(events, "incomplete packet, line went idle");
        }
        return events;
    }

    /** Whether bytes of an incomplete packet are held. */
    public boolean hasPartial() {
        return size > 0;
    }

    /** Number of held bytes. */
    public int pending() {
        return size;
    }

    private void extract(List<DeframerEvent> events) {
        while (size >= 2) {
            int total = Wire.u16be(buffer, 0) + 2;
            if (total > maxPacketLength) {
                dropped.write(buffer[0]);
                shift(1);
                continue;
            }
            emitGarbage(events, "absurd length field, resynchronised");
            if (size < total) return;
            events.add(new DeframerEvent.Packet(Arrays.copyOf(buffer, total)));
            shift(total);
        }
        // fewer than 2 bytes held: the garbage before them is complete
        emitGarbage(events, "absurd length field, resynchronised");
    }

    private void emitGarbage(List<DeframerEvent> events, String reason) {
        if (dropped.size() == 0) return;
        events.add(new DeframerEvent.Garbage(dropped.toByteArray(), reason));
        dropped.reset();
    }

    private void append(byte[] b, int off, int n) {
        if (size + n > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(size + n, Math.min(maxPacketLength, buffer.length * 2)));
        System.arraycopy(b, off, buffer, size, n);
        size += n;
    }

    private void shift(int n) {
        System.arraycopy(buffer, n, buffer, 0, size - n);
        size -= n;
    }
}
