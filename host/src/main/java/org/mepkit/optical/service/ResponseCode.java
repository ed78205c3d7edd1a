package org.mepkit.optical.service;

/** The first byte of every C12.18 response (ANSI C12.18 response codes; reference optical-mqtt-remote.md A.3). */
public enum ResponseCode {
    OK(0x00, "ok", "ok"),
    ERR(0x01, "err", "error, request rejected"),
    SNS(0x02, "sns", "service not supported"),
    ISC(0x03, "isc", "insufficient security clearance"),
    ONP(0x04, "onp", "operation not possible"),
    IAR(0x05, "iar", "inappropriate action requested"),
    BSY(0x06, "bsy", "device busy"),
    DNR(0x07, "dnr", "data not ready"),
    DLK(0x08, "dlk", "data locked"),
    RNO(0x09, "rno", "renegotiate request"),
    ISSS(0x0A, "isss", "invalid service sequence state"),
    UNKNOWN(-1, "unknown", "unknown response code");

    private final int code;
    private final String mnemonic;
    private final String description;

    ResponseCode(int code, String mnemonic, String description) {
        this.code = code;
        this.mnemonic = mnemonic;
        this.description = description;
    }

    public int code() {
        return code;
    }

    public String mnemonic() {
        return mnemonic;
    }

    public String description() {
        return description;
    }

    public static ResponseCode of(int code) {
        for (ResponseCode c : values()) if (c.code == code && c != UNKNOWN) return c;
        return UNKNOWN;
    }

    /** "isc (insufficient security clearance)", or "unknown response code 0x42". */
    public static String describe(int code) {
        ResponseCode c = of(code);
        return c == UNKNOWN ? String.format("unknown response code 0x%02X", code) : c.mnemonic + " (" + c.description + ")";
    }
}
