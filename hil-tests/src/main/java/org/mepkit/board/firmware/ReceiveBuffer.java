package org.mepkit.board.firmware;

import java.util.Arrays;

/**
 * The firmware's 512-byte MEP input buffer and its framing: a packet is a 2-byte big-endian length
 * and that many bytes; a bare {@code 00 00} is an alert (board-firmware-behaviour.md §4.3).
 */
final class ReceiveBuffer {

    static final int SIZE = 512;

    private final byte[] bytes = new byte[SIZE];
    private int length;

    int length() {
        return length;
    }

    /** How many more bytes fit. */
    int room() {
        return SIZE - length;
    }

    boolean full() {
        return length >= SIZE;
    }

    /** Appends {@code got}, at most {@link #room()} bytes. */
    void append(byte[] got) {
        System.arraycopy(got, 0, bytes, length, got.length);
        length += got.length;
    }

    /** Whether a whole packet (by its length prefix) has arrived. */
    boolean complete() {
        return length >= 2 && packetLength() <= length;
    }

    /** The first packet's length, its 2-byte prefix included. */
    int packetLength() {
        return (((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF)) + 2;
    }

    boolean startsWithAlert() {
        return length >= 2 && bytes[0] == 0 && bytes[1] == 0;
    }

    /** Removes the first {@code n} bytes and returns them. */
    byte[] take(int n) {
        byte[] head = Arrays.copyOf(bytes, n);
        System.arraycopy(bytes, n, bytes, 0, length - n);
        length -= n;
        return head;
    }

    /** A copy of everything buffered. */
    byte[] contents() {
        return Arrays.copyOf(bytes, length);
    }

    void clear() {
        length = 0;
    }

    /** The firmware's hex dump of the buffer. */
    String dump() {
        return DabblerFirmware.dump(bytes, length);
    }
}
