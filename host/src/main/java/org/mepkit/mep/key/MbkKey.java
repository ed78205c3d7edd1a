package org.mepkit.mep.key;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The meter's MBK key: 1 to 20 printable ASCII characters, as the utility issues it and the
 * board firmware stores it. The digest uses the ASCII codes of the first 16 characters
 * (mep-protocol.md §5.1); the text is never hex-decoded.
 *
 * <p>This is a secret: {@link #toString()} is redacted and no exception built here repeats the
 * text. {@link #reveal()} is the one way back to the text, for provisioning a board.
 */
public final class MbkKey {

    /** Utilities issue 20 characters; the firmware stores at most 20. */
    public static final int MAX_LENGTH = 20;
    /** The digest uses at most this many leading characters. */
    public static final int DIGEST_KEY_LENGTH = 16;

    private static final String FACTORY_DEFAULT = "0".repeat(MAX_LENGTH);

    private final byte[] ascii;

    private MbkKey(byte[] ascii) {
        this.ascii = ascii;
    }

    /**
     * @throws InvalidKeyException when the text is null, empty, longer than 20 characters or has a
     *         character outside printable ASCII (0x20..0x7E); the message names the problem, not the key
     */
    public static MbkKey of(String ascii) {
        if (ascii == null || ascii.isEmpty()) throw new InvalidKeyException("the MBK key is empty");
        if (ascii.length() > MAX_LENGTH) {
            throw new InvalidKeyException("the MBK key has " + ascii.length()
                    + " characters; at most " + MAX_LENGTH + " are allowed");
        }
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new InvalidKeyException("the MBK key has a character that is not printable ASCII at position " + (i + 1));
            }
        }
        return new MbkKey(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    /** The factory default the firmware treats as "MEP disabled": twenty {@code '0'} characters. */
    public static MbkKey factoryDefault() {
        return of(FACTORY_DEFAULT);
    }

    /** The key bytes the digest uses: the ASCII codes of the first (at most) 16 characters. */
    public byte[] digestKey() {
        return Arrays.copyOf(ascii, Math.min(ascii.length, DIGEST_KEY_LENGTH));
    }

    /** Number of characters (1..20). */
    public int length() {
        return ascii.length;
    }

    public boolean isFactoryDefault() {
        return Arrays.equals(ascii, FACTORY_DEFAULT.getBytes(StandardCharsets.US_ASCII));
    }

    /** The key text. Only for provisioning; never print it. */
    public String reveal() {
        return new String(ascii, StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MbkKey other && Arrays.equals(ascii, other.ascii);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ascii);
    }

    @Override
    public String toString() {
        return "MbkKey[redacted]";
    }
}
