package org.mepkit.esp.rom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A host → chip loader packet (the SLIP payload): direction 0x00, command id, data length (u16),
 * checksum (u32), data. All little-endian.
 */
public record LoaderRequest(int command, int checksum, byte[] data) {

    public static final int HEADER_LENGTH = 8;

    public LoaderRequest {
        if (command < 0 || command > 0xFF) throw new IllegalArgumentException("command id out of range: " + command);
        if (data.length > 0xFFFF) throw new IllegalArgumentException("data too long: " + data.length);
        data = data.clone();
    }

    public static LoaderRequest of(LoaderCommand command, byte[] data) {
        return new LoaderRequest(command.id(), 0, data);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Little-endian view of the data, for reading its u32 fields. */
    public ByteBuffer dataBuffer() {
        return ByteBuffer.wrap(data).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    public int length() {
        return data.length;
    }

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x00).put((byte) command).putShort((short) data.length).putInt(checksum).put(data);
        return b.array();
    }

    public static LoaderRequest decode(byte[] frame) throws LoaderProtocolException {
        if (frame.length < HEADER_LENGTH) {
            throw new LoaderProtocolException("request too short: " + frame.length + " bytes");
        }
        if (frame[0] != 0x00) {
            throw new LoaderProtocolException(String.format("not a request: direction byte 0x%02x", frame[0] & 0xFF));
        }
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int command = b.get(1) & 0xFF;
        int length = b.getShort(2) & 0xFFFF;
        int checksum = b.getInt(4);
        if (frame.length - HEADER_LENGTH != length) {
            throw new LoaderProtocolException("request length field " + length + " but " + (frame.length - HEADER_LENGTH)
                    + " data bytes");
        }
        return new LoaderRequest(command, checksum, Arrays.copyOfRange(frame, HEADER_LENGTH, frame.length));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoaderRequest r && r.command == command && r.checksum == checksum
                && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * command + checksum) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        String name = LoaderCommand.byId(command).map(Enum::name).orElse(String.format("0x%02X", command));
        return "LoaderRequest[" + name + ", " + data.length + " bytes]";
    }
}
