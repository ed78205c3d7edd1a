package org.mepkit.sim.meter;

import java.time.Duration;

/**
 * The closed set of misbehaviours the virtual meter can be told to show, each applying to the
 * next {@code count} requests that reach it ({@link VirtualMeter#inject}). They model a dead or
 * noisy line and a confused meter, for the client's retries and the MAX3232 recovery engine.
 */
public sealed interface MeterFault {

    /** How many requests this fault affects. */
    int count();

    /** No reply at all (meter or MAX3232 dead). */
    record Silence(int count) implements MeterFault {
        public Silence { positive(count); }
    }

    /** Send these bytes instead of the reply (line noise, a haywire driver). */
    record Garbage(int count, byte[] bytes) implements MeterFault {
        public Garbage { positive(count); bytes = bytes.clone(); }
        @Override public byte[] bytes() { return bytes.clone(); }
    }

    /** Answer 0x0C with a different sequence number than the one expected, as if the meter resynced. */
    record WrongSequence(int count) implements MeterFault {
        public WrongSequence { positive(count); }
    }

    /** Send the reply with its length field {@code delta} bytes off (truncated or overlong claim). */
    record BadReplyLength(int count, int delta) implements MeterFault {
        public BadReplyLength {
            positive(count);
            if (delta == 0) throw new IllegalArgumentException("a bad length differs from the real one");
        }
    }

    /** Send only the first half of the reply, then go quiet (a stalled UART). */
    record Stall(int count) implements MeterFault {
        public Stall { positive(count); }
    }

    /** The line echoes the request back (a loop-back or half-duplex adapter) before the real reply. */
    record Echo(int count) implements MeterFault {
        public Echo { positive(count); }
    }

    /** Answer late: wait {@code delay} (on the meter's ticker) beyond the usual turnaround. */
    record Slow(int count, Duration delay) implements MeterFault {
        public Slow { positive(count); if (delay.isNegative()) throw new IllegalArgumentException("negative delay"); }
    }

    private static void positive(int count) {
        if (count <= 0) throw new IllegalArgumentException("a fault affects at least one request: " + count);
    }
}
