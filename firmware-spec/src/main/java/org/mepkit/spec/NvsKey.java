package org.mepkit.spec;

import java.util.Optional;

/**
 * One setting the firmware stores. {@code maxLength} is how many characters the firmware keeps
 * (null for non-strings); a longer value is silently truncated at the next boot. A {@code secret}
 * value (passwords, the MBK key) must never appear in output, logs or errors.
 */
public record NvsKey(String name, Type type, Integer maxLength, boolean secret, String defaultValue, String note) {

    /** How the value is stored: Arduino Preferences keeps a bool as an NVS {@code u8}. */
    public enum Type {
        STRING("string"), BOOL("u8");

        private final String nvsEncoding;

        Type(String nvsEncoding) {
            this.nvsEncoding = nvsEncoding;
        }

        public String nvsEncoding() {
            return nvsEncoding;
        }
    }

    /**
     * What is wrong with {@code value} for this key, if anything. The message never contains the
     * value itself (it may be a secret).
     */
    public Optional<String> problemWith(String value) {
        if (value == null) return Optional.of(name + ": no value");
        return switch (type) {
            case STRING -> maxLength != null && value.length() > maxLength
                    ? Optional.of(name + " is " + value.length() + " characters; the firmware keeps at most " + maxLength)
                    : Optional.empty();
            case BOOL -> value.matches("true|false|0|1")
                    ? Optional.empty()
                    : Optional.of(name + " must be true, false, 1 or 0");
        };
    }
}
