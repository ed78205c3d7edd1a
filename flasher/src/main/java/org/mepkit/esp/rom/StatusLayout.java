package org.mepkit.esp.rom;

/**
 * How a response ends: the ESP32 ROM appends 4 status bytes ({@code status, error, 0, 0}), the flasher
 * stub 2 ({@code 0, 0} on success, {@code error, 0} on failure).
 */
public enum StatusLayout {
    ROM(4),
    STUB(2);

    private final int length;

    StatusLayout(int length) {
        this.length = length;
    }

    public int length() {
        return length;
    }

    public byte[] success() {
        return new byte[length];
    }

    public byte[] failure(LoaderError error) {
        byte[] s = new byte[length];
        if (this == ROM) {
            s[0] = 1;
            s[1] = (byte) error.code();
        } else {
            s[0] = (byte) error.code();
        }
        return s;
    }

    /** True when the status bytes at the end of {@code data} report success. */
    public boolean isSuccess(byte[] statusBytes) {
        return statusBytes[0] == 0;
    }

    /** The error the status bytes carry; only meaningful when {@link #isSuccess} is false. */
    public int errorCode(byte[] statusBytes) {
        return this == ROM ? statusBytes[1] & 0xFF : statusBytes[0] & 0xFF;
    }
}
