package org.mepkit.mep.client;

import java.time.Duration;

/**
 * What the client saw on the link, reported as it happens. This is the seam for the MAX3232
 * recovery engine (and for counters and logs): the engine listens for timeouts, garbage and
 * successes to decide when to power-cycle the line driver, and the client stays free of any
 * power-switch code. Every method has an empty default; implementations must return quickly and
 * must not call back into the client. Methods are called on the thread that runs the request.
 */
public interface LinkListener {

    LinkListener NONE = new LinkListener() { };

    /** One listener that tells each of {@code listeners}, in order. */
    static LinkListener all(LinkListener... listeners) {
        java.util.List<LinkListener> list = java.util.List.of(listeners);
        return new LinkListener() {
            @Override public void requestSent(String what, long sequence, int attempt) { list.forEach(l -> l.requestSent(what, sequence, attempt)); }
            @Override public void replyReceived(String what, Duration roundTrip) { list.forEach(l -> l.replyReceived(what, roundTrip)); }
            @Override public void replyTimedOut(String what, int attempt, Duration timeout) { list.forEach(l -> l.replyTimedOut(what, attempt, timeout)); }
            @Override public void garbage(byte[] dropped, String reason) { list.forEach(l -> l.garbage(dropped, reason)); }
            @Override public void sequenceResync(long adopted) { list.forEach(l -> l.sequenceResync(adopted)); }
            @Override public void authenticationFailed(String what) { list.forEach(l -> l.authenticationFailed(what)); }
            @Override public void alert() { list.forEach(LinkListener::alert); }
            @Override public boolean resendAfterRefusal(String what, int refusals) {
                boolean resend = false;
                for (LinkListener l : list) resend |= l.resendAfterRefusal(what, refusals);
                return resend;
            }
        };
    }

    /** A request went out (attempt 1 is the first transmission of these bytes). */
    default void requestSent(String what, long sequence, int attempt) { }

    /**
     * A complete reply came back and was accepted (any response code but 0x0B, which is reported as
     * {@link #authenticationFailed} instead: a refused digest proves nothing about the link, since bit
     * errors in our request look exactly like a wrong key).
     */
    default void replyReceived(String what, Duration roundTrip) { }

    /** No complete reply within {@code timeout}; the same bytes will be sent again if attempts remain. */
    default void replyTimedOut(String what, int attempt, Duration timeout) { }

    /** Bytes that were not a packet (noise, a truncated frame, an echo of our own request). */
    default void garbage(byte[] dropped, String reason) { }

    /** The meter asked for another sequence number (0x0C); the client adopts it and resends. */
    default void sequenceResync(long adopted) { }

    /** The meter refused our digest (0x0B): a wrong MBK key, or bit errors in our request on the way. */
    default void authenticationFailed(String what) { }

    /**
     * Called after {@link #authenticationFailed} when the meter has refused the same request
     * {@code refusals} times in a row: {@code true} makes the client send it again (it may have been
     * corrupted on the wire; a recovery engine may have power-cycled the line driver meanwhile),
     * {@code false} makes the refusal final. The default is {@code false}: the first 0x0B is final,
     * as in the board firmware. With several listeners, any {@code true} wins; listeners that say
     * {@code true} must bound the resends.
     */
    default boolean resendAfterRefusal(String what, int refusals) { return false; }

    /** The meter sent the alert {@code 00 00}. */
    default void alert() { }
}
