package org.mepkit.board.firmware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The 20-entry ring: entries overwrite the oldest, sending skips answered entries. */
class RequestRingTest {

    final RequestRing ring = new RequestRing();

    static RequestRing.Entry request() {
        RequestRing.Entry e = new RequestRing.Entry();
        e.request = new byte[] {1};
        return e;
    }

    static RequestRing.Entry response() {
        RequestRing.Entry e = new RequestRing.Entry();
        e.reply = new byte[] {0, 0};
        return e;
    }

    @Test
    void entriesGoToSuccessiveIndexesAndWrapAfterTwenty() {
        for (int i = 0; i < RequestRing.SIZE; i++) assertEquals(i, ring.put(request()));
        RequestRing.Entry e = request();
        assertEquals(0, ring.put(e));
        assertSame(e, ring.get(0));
    }

    @Test
    void sendingWalksPastStoredResponsesToTheNextRequest() {
        ring.put(response());
        ring.put(response());
        RequestRing.Entry wanted = request();
        ring.put(wanted);
        assertSame(wanted, ring.nextToSend());
        assertEquals(2, ring.sendIndex());
        assertSame(wanted, ring.nextToSend(), "an unanswered entry stays next");
    }

    @Test
    void aRingOfAnsweredEntriesStopsAfterOneRound() {
        for (int i = 0; i < RequestRing.SIZE; i++) ring.put(response());
        RequestRing.Entry e = ring.nextToSend();
        assertEquals(new byte[] {0, 0}.length, e.reply.length, "no request to send; the walk ended");
        assertEquals(1, ring.sendIndex(), "21 steps round a 20-entry ring");
    }
}
