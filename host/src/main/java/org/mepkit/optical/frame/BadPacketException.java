package org.mepkit.optical.frame;

/** Bytes that are no valid C12.18 packet (wrong start, length or CRC). The link answers them with a NAK. */
public final class BadPacketException extends RuntimeException {
    public BadPacketException(String message) {
        super(message);
    }
}
