package org.mepkit.mep.client;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link LinkListener} that counts what happened, for reports and tests. Thread-safe. */
public final class LinkCounters implements LinkListener {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retransmissions = new AtomicLong();
    private final AtomicLong replies = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong garbage = new AtomicLong();
    private final AtomicLong resyncs = new AtomicLong();
    private final AtomicLong authFailures = new AtomicLong();
    private final AtomicLong alerts = new AtomicLong();

    @Override public void requestSent(String what, long sequence, int attempt) {
        sent.incrementAndGet();
        if (attempt > 1) retransmissions.incrementAndGet();
    }
    @Override public void replyReceived(String what, Duration roundTrip) { replies.incrementAndGet(); }
    @Override public void replyTimedOut(String what, int attempt, Duration timeout) { timeouts.incrementAndGet(); }
    @Override public void garbage(byte[] dropped, String reason) { garbage.incrementAndGet(); }
    @Override public void sequenceResync(long adopted) { resyncs.incrementAndGet(); }
    @Override public void authenticationFailed(String what) { authFailures.incrementAndGet(); }
    @Override public void alert() { alerts.incrementAndGet(); }

    public long sent() { return sent.get(); }
    public long retransmissions() { return retransmissions.get(); }
    public long replies() { return replies.get(); }
    public long timeouts() { return timeouts.get(); }
    public long garbage() { return garbage.get(); }
    public long resyncs() { return resyncs.get(); }
    public long authFailures() { return authFailures.get(); }
    public long alerts() { return alerts.get(); }

    @Override
    public String toString() {
        return "sent=" + sent + " retransmissions=" + retransmissions + " replies=" + replies + " timeouts=" + timeouts
                + " garbage=" + garbage + " resyncs=" + resyncs + " authFailures=" + authFailures + " alerts=" + alerts;
    }
}
