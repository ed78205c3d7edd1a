package org.mepkit.board.firmware;

/**
 * The firmware's 20-entry request ring (board-firmware-behaviour.md §4.1): queued requests and stored
 * responses share it, each overwriting the oldest entry; sending walks past the entries that have a reply.
 */
final class RequestRing {

    static final int SIZE = 20;

    /** One slot: a request (with its follow-up code and send attempts) and its reply, or a stored response alone. */
    static final class Entry {
        long queuedAt;
        byte[] request = new byte[0];
        /**
         * What the slot's 512-byte request buffer holds: the request, or for a stored response the bytes of the
         * slot's last request, which queueResponseWithNoRequest (NES-MEP.cpp:213) leaves in place.
         */
        byte[] slotBytes = new byte[0];
        int attempts;
        byte[] reply;
        int followUp;
    }

    private final Entry[] entries = new Entry[SIZE];
    private int writeIndex;
    private int sendIndex;

    RequestRing() {
        for (int i = 0; i < SIZE; i++) entries[i] = new Entry();
    }

    /** Puts {@code entry} at the write index and returns that index. */
    int put(Entry entry) {
        int index = writeIndex;
        entry.slotBytes = entry.request.length > 0 ? entry.request : entries[index].slotBytes;
        entries[index] = entry;
        writeIndex = (writeIndex + 1) % SIZE;
        return index;
    }

    Entry get(int index) {
        return entries[index];
    }

    /** Where the next entry goes (MEPQueueNextIndex). */
    int writeIndex() {
        return writeIndex;
    }

    int sendIndex() {
        return sendIndex;
    }

    /** Moves the send index past answered entries (at most once round the ring) and returns the entry there. */
    Entry nextToSend() {
        for (int checked = 0; checked < SIZE + 1 && entries[sendIndex].reply != null; checked++) {
            sendIndex = (sendIndex + 1) % SIZE;
        }
        return entries[sendIndex];
    }
}
