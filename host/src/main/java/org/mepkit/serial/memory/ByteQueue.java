package org.mepkit.serial.memory;

import java.util.Arrays;

/** A growable FIFO of bytes; not thread-safe (its owner's lock guards it: {@link LinePair}, the network lines). */
public final class ByteQueue {

    private byte[] buffer = new byte[256];
    private int head;
    private int size;

    public int size() {
        return size;
    }

    public void add(byte[] data, int offset, int len) {
        ensureCapacity(size + len);
        for (int i = 0; i < len; i++) {
            buffer[(head + size + i) % buffer.length] = data[offset + i];
        }
        size += len;
    }

    public int take(byte[] into, int offset, int len) {
        int n = Math.min(len, size);
        for (int i = 0; i < n; i++) {
            into[offset + i] = buffer[(head + i) % buffer.length];
        }
        head = (head + n) % buffer.length;
        size -= n;
        return n;
    }

    public void clear() {
        head = 0;
        size = 0;
    }

    private void ensureCapacity(int needed) {
        if (needed <= buffer.length) return;
        byte[] bigger = new byte[Math.max(needed, buffer.length * 2)];
        for (int i = 0; i < size; i++) {
            bigger[i] = buffer[(head + i) % buffer.length];
        }
        Arrays.fill(buffer, (byte) 0);
        buffer = bigger;
        head = 0;
    }
}
