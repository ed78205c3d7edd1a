package org.mepkit.optical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.mepkit.util.Hex;

/**
 * The password of the C12.18 security service: 20 bytes. Given as exactly 40 hex digits it is
 * those 20 bytes (a utility key as NES-MEP-Reader documents it); any other text is its UTF-8 bytes,
 * at most 20, padded with 0x00 (termineter's PASSWORD_HEX=False). Unlike termineter, shorter hex
 * strings are taken as text, so a 20-character MEP key works here unchanged.
 *
 * <p>A secret: {@link #toString()} is redacted and no message built here repeats it.
 */
public final class OpticalKey {

    public static final int LENGTH = 20;
    private static final Pattern HEX40 = Pattern.compile("[0-9a-fA-F]{40}");

    private final byte[] password;

    private OpticalKey(byte[] password) {
        this.password = password;
    }

    /**
     * @throws IllegalArgumentException naming the problem (never the key) when the text is empty,
     *         longer than 20 bytes, or has a control character
     */
    public static OpticalKey of(String text) {
        if (text == null || text.isEmpty()) throw new IllegalArgumentException("the optical key is empty");
        if (HEX40.matcher(text).matches()) return new OpticalKey(Hex.parse(text));
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new IllegalArgumentException("the optical key has a control character at position " + (i + 1));
            }
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > LENGTH) {
            throw new IllegalArgumentException("the optical key has " + bytes.length + " bytes; at most " + LENGTH
                    + " are allowed (or exactly 40 hex digits)");
        }
        return new OpticalKey(Arrays.copyOf(bytes, LENGTH));
    }

    /** Up to 20 raw bytes, zero-padded. */
    public static OpticalKey ofBytes(byte[] bytes) {
        if (bytes.length > LENGTH) throw new IllegalArgumentException("an optical key has at most " + LENGTH + " bytes");
        return new OpticalKey(Arrays.copyOf(bytes, LENGTH));
    }

    /** The 20 bytes the security request carries. */
    public byte[] password() {
        return password.clone();
    }

    /** Compares in constant time, as a meter should. */
    public boolean matches(byte[] received) {
        return received != null && MessageDigest.isEqual(password, received);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpticalKey k && MessageDigest.isEqual(password, k.password);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(password);
    }

    @Override
    public String toString() {
        return "OpticalKey[redacted]";
    }
}
