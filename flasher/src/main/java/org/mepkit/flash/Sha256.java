package org.mepkit.flash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of a byte array. */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JRE", e);
        }
    }
}
