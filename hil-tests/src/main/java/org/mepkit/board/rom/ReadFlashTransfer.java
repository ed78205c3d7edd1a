package org.mepkit.board.rom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.mepkit.board.flash.VirtualFlash;

/**
 * The stub's READ_FLASH flow: raw data frames of packet size, at most {@code maxInFlight} unacknowledged; the
 * host acks each with a frame holding the total bytes it has; after the last ack the stub sends the 16-byte
 * MD5 of the whole region.
 */
final class ReadFlashTransfer {

    private final VirtualFlash flash;
    private final int offset;
    private final int length;
    private final int packetSize;
    private final int maxInFlight;
    private int sent;
    private int acked;

    ReadFlashTransfer(VirtualFlash flash, int offset, int length, int packetSize, int maxInFlight) {
        this.flash = flash;
        this.offset = offset;
        this.length = length;
        this.packetSize = packetSize;
        this.maxInFlight = Math.max(1, maxInFlight);
    }

    /** Packets to send right after the command's response. */
    List<byte[]> start() {
        return fill();
    }

    /** Handles an ack frame; returns what to send next (more data, or the MD5 once everything is acked). */
    List<byte[]> onAck(byte[] frame) {
        if (frame.length >= 4) acked = Math.max(acked, ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
        List<byte[]> out = fill();
        if (acked >= length) out.add(flash.md5(offset, length));
        return out;
    }

    boolean finished() {
        return acked >= length;
    }

    private List<byte[]> fill() {
        List<byte[]> out = new ArrayList<>();
        while (sent < length && sent - acked < (long) maxInFlight * packetSize) {
            int n = Math.min(packetSize, length - sent);
            out.add(flash.read(offset + sent, n));
            sent += n;
        }
        return out;
    }
}
