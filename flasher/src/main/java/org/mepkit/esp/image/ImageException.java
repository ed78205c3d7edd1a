package org.mepkit.esp.image;

/** An ESP32 image that cannot be used: the reason says which check failed, the message says where. */
public final class ImageException extends IllegalArgumentException {

    public enum Reason { TRUNCATED, BAD_MAGIC, BAD_HEADER, BAD_SEGMENT, BAD_CHECKSUM, BAD_HASH, WRONG_CHIP, FLASH_MODE, FLASH_SIZE }

    private final Reason reason;

    public ImageException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
