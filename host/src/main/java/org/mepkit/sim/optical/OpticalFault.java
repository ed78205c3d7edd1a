package org.mepkit.sim.optical;

import java.time.Duration;

/**
 * The misbehaviours the virtual optical meter can be told to show ({@link OpticalMeterMachine#inject}),
 * each for the next {@code count} requests (or, for {@link BadCrc}, packets sent). They model a dirty
 * optical eye, a meter that is busy, and a meter that breaks the link rules.
 */
public sealed interface OpticalFault {

    int count();

    /** Hear nothing of the next request packets: no ACK, no response (a probe off the eye). */
    record DropRequest(int count) implements OpticalFault {
        public DropRequest { positive(count); }
    }

    /** NAK the next request packets (a NAK storm: the meter hears garbage). */
    record NakRequest(int count) implements OpticalFault {
        public NakRequest { positive(count); }
    }

    /**
     * Act on the next requests but send neither ACK nor response until the client sends the same packet
     * again (its ACK timeout): then the duplicate is ACKed and the response goes out.
     */
    record WithholdAck(int count) implements OpticalFault {
        public WithholdAck { positive(count); }
    }

    /** Send the ACK and response of the next requests {@code delay} late. */
    record Slow(int count, Duration delay) implements OpticalFault {
        public Slow { positive(count); if (delay.isNegative()) throw new IllegalArgumentException("negative delay"); }
    }

    /** The next packets sent (retransmissions included) carry a wrong CRC. */
    record BadCrc(int count) implements OpticalFault {
        public BadCrc { positive(count); }
    }

    /** The next responses go out as one packet however long, ignoring the negotiated packet size. */
    record Oversize(int count) implements OpticalFault {
        public Oversize { positive(count); }
    }

    /** The next multi-packet responses stop after their first packet. */
    record Truncate(int count) implements OpticalFault {
        public Truncate { positive(count); }
    }

    private static void positive(int count) {
        if (count <= 0) throw new IllegalArgumentException("a fault affects at least one request: " + count);
    }
}
