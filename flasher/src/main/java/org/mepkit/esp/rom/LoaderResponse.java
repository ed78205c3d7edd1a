package org.mepkit.esp.rom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A chip → host loader packet: direction 0x01, command id, data length (u16), value (u32), data.
 * The data ends with the status bytes ({@link StatusLayout}).
 */
public record LoaderResponse(int command, int value, byte[] data) {

    public static final int HEADER_LENGTH = 8;

    public LoaderResponse {
        if (command < 0 || command > 0xFF) throw new IllegalArgumentException("command id out of range: " + command);
        data = data.clone();
    }

    /** A response carrying {@code payload} followed by {@code status}. */
    public static LoaderResponse of(int command, int value, byte[] payload, byte[] status) {
        byte[] d = Arrays.copyOf(payload, payload.length + status.length);
        System.arraycopy(status, 0, d, payload.length, status.length);
        return new LoaderResponse(command, value, d);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The data without its trailing status bytes. */
    public byte[] payload(StatusLayout layout) {
        return Arrays.copyOf(data, Math.max(0, data.length - layout.length()));
    }

    /** The trailing status bytes. */
    public byte[] status(StatusLayout layout) {
        return Arrays.copyOfRange(data, Math.max(0, data.length - layout.length()), data.length);
    }

    public boolean succeeded(StatusLayout layout) {
        return data.length >= layout.length() && layout.isSuccess(status(layout));
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x01).put((byte) command).putShort((short) data.length).putInt(value).put(data);
        return b.array();
    }

    public static LoaderResponse decode(byte[] frame) throws LoaderProtocolException {
        if (frame.length < HEADER_LENGTH) {
            throw new LoaderProtocolException("response too short: " + frame.length + " bytes");
        }
        if (frame[0] != 0x01) {
            throw new LoaderProtocolException(String.format("not a response: direction byte 0x%02x", frame[0] & 0xFF));
        }
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int length = b.getShort(2) & 0xFFFF;
        if (frame.length - HEADER_LENGTH != length) {
            throw new LoaderProtocolException("response length field " + length + " but " + (frame.length - HEADER_LENGTH)
                    + " data bytes");
        }
        return new LoaderResponse(b.get(1) & 0xFF, b.getInt(4), Arrays.copyOfRange(frame, HEADER_LENGTH, frame.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoaderResponse r && r.command == command && r.value == value && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * command + value) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        String name = LoaderCommand.byId(command).map(Enum::name).orElse(String.format("0x%02X", command));
        return "LoaderResponse[" + name + String.format(", value 0x%08x, ", value) + data.length + " bytes]";
    }
}
