package org.mepkit.recovery;

/** Judges the bytes received so far for one request: the protocol-specific part of a {@link RecoveringExchanger}. */
@FunctionalInterface
public interface ReplyCheck {

    /** What the received bytes amount to. {@code bytes} is how many leading bytes the verdict covers (for GARBAGE: how many to drop). */
    record Judgement(Kind kind, int bytes) {
        public static final Judgement INCOMPLETE = new Judgement(Kind.INCOMPLETE, 0);

        public static Judgement complete(int bytes) {
            return new Judgement(Kind.COMPLETE, bytes);
        }

        public static Judgement garbage(int bytes) {
            return new Judgement(Kind.GARBAGE, bytes);
        }
    }

    enum Kind { INCOMPLETE, COMPLETE, GARBAGE, FRAMING_ERROR, AUTH_ANOMALY }

    Judgement judge(byte[] request, byte[] received, int length);

    /** A loopback jumper: the reply must be the request, byte for byte. */
    static ReplyCheck echo() {
        return (request, received, length) -> {
            int common = Math.min(request.length, length);
            for (int i = 0; i < common; i++) {
                if (received[i] != request[i]) return Judgement.garbage(length);
            }
            return length >= request.length ? Judgement.complete(request.length) : Judgement.INCOMPLETE;
        };
    }
}
