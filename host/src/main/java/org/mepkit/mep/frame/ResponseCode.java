package org.mepkit.mep.frame;

/** The response code byte of a meter reply (mep-protocol.md §6). */
public enum ResponseCode {
    OK(0x00, "successful response"),
    UNRECOGNIZED_REQUEST(0x01, "unrecognized request"),
    UNSUPPORTED_REQUEST(0x02, "unsupported request"),
    NO_PERMISSION(0x03, "no permission for specified request"),
    OPERATION_NOT_POSSIBLE(0x04, "requested operation not possible"),
    TABLE_OPERATION_NOT_POSSIBLE(0x05, "table operation not possible"),
    AUTHENTICATION_FAILURE(0x0B, "authentication failure"),
    INVALID_SEQUENCE(0x0C, "invalid sequence number"),
    /** Any code not listed above. */
    UNKNOWN(-1, "unknown response code");

    private final int code;
    private final String description;

    ResponseCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The wire value, or -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** "authentication failure (0x0B)". */
    public String describe() {
        return this == UNKNOWN ? description : description + String.format(" (0x%02X)", code);
    }

    /** The code for a wire value; {@link #UNKNOWN} for anything unlisted. */
    public static ResponseCode of(int code) {
        for (ResponseCode c : values()) {
            if (c.code == code && c != UNKNOWN) return c;
        }
        return UNKNOWN;
    }
}
