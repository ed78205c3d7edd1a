package org.mepkit.optical.link;

import org.mepkit.optical.OpticalException;

/** The C12.18 link gave up within its own timeouts and retries; {@link #kind()} says how. */
public final class LinkException extends OpticalException {

    public enum Kind {
        /** No ACK (nor NAK) for a packet, every try. */
        NO_ACK,
        /** Every try was NAKed. */
        NAKED,
        /** No response packet within the channel traffic timeout. */
        NO_RESPONSE,
        /** Some packets of a multi-packet response came, then silence. */
        TRUNCATED,
        /** Packets with a bad CRC, too many in a row. */
        BAD_PACKETS,
        /** Packets longer than the negotiated packet size, too many in a row. */
        OVERSIZE,
        /** A response of more packets than negotiated, or packets out of sequence. */
        BAD_SEQUENCE
    }

    private final Kind kind;

    public LinkException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
