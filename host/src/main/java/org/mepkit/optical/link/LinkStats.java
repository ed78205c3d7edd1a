package org.mepkit.optical.link;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What one end of a C12.18 link saw, for reports, benchmarks and tests. Thread-safe. */
public final class LinkStats {

    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong retransmissions = new AtomicLong();
    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong naksReceived = new AtomicLong();
    private final AtomicLong naksSent = new AtomicLong();
    private final AtomicLong ackTimeouts = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong badPackets = new AtomicLong();
    private final AtomicLong noise = new AtomicLong();

    public void onSent(boolean retransmission) {
        packetsSent.incrementAndGet();
        if (retransmission) retransmissions.incrementAndGet();
    }

    public void onReceived() { packetsReceived.incrementAndGet(); }
    public void onNakReceived() { naksReceived.incrementAndGet(); }
    public void onNakSent() { naksSent.incrementAndGet(); }
    public void onAckTimeout() { ackTimeouts.incrementAndGet(); }
    public void onDuplicate() { duplicates.incrementAndGet(); }
    public void onBadPacket() { badPackets.incrementAndGet(); }
    public void onNoise() { noise.incrementAndGet(); }

    public long packetsSent() { return packetsSent.get(); }
    public long retransmissions() { return retransmissions.get(); }
    public long packetsReceived() { return packetsReceived.get(); }
    public long naksReceived() { return naksReceived.get(); }
    public long naksSent() { return naksSent.get(); }
    public long ackTimeouts() { return ackTimeouts.get(); }
    public long duplicates() { return duplicates.get(); }
    public long badPackets() { return badPackets.get(); }
    public long noise() { return noise.get(); }

    /** True when anything but clean traffic happened. */
    public boolean anyTrouble() {
        return retransmissions() + naksReceived() + naksSent() + ackTimeouts() + duplicates() + badPackets() + noise() > 0;
    }

    public Map<String, Long> toJson() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("packets_sent", packetsSent());
        m.put("packets_received", packetsReceived());
        m.put("retransmissions", retransmissions());
        m.put("naks_received", naksReceived());
        m.put("naks_sent", naksSent());
        m.put("ack_timeouts", ackTimeouts());
        m.put("duplicates", duplicates());
        m.put("bad_packets", badPackets());
        m.put("noise", noise());
        return m;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
