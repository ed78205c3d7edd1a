package org.mepkit.mep.key;

/**
 * A text that cannot be an MBK key. The message says what is wrong (empty, too long, a
 * non-printable character at position n) and never contains the key itself.
 */
public final class InvalidKeyException extends IllegalArgumentException {

    public InvalidKeyException(String message) {
        super(message);
    }
}
