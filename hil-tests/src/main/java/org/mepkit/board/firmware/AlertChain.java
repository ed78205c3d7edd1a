package org.mepkit.board.firmware;

import java.util.function.IntSupplier;

/**
 * The firmware's answer to a {@code 0x0000} alert (board-firmware-behaviour.md §4.1): ET11, then the ET13
 * entry it points at, ET50, the BT07 procedure call, then BT08 or ET58; one chain at a time. Each request
 * carries a follow-up code saying which step its {@code 0x00} reply continues.
 */
final class AlertChain {

    /** Follow-up codes of a ring entry. */
    static final int NONE = 0, ET11 = 1, ET13 = 2, ET50 = 3, BT08 = 4, ET58 = 5, CLEAR = 6;

    static final byte[] ALERT_ET11 = {0x3F, 0x08, 0x0B, 0x00, 0x00, 0x01, 0x00, 0x01};
    static final byte[] ALERT_ET50 = {0x3F, 0x08, 0x32, 0x00, 0x00, 0x1E, 0x00, 0x01};

    /** A request to queue: its body, its follow-up code, and whether it is the procedure call (logged by index). */
    record Next(byte[] body, int followUp, boolean procedure) {
        Next(byte[] body, int followUp) {
            this(body, followUp, false);
        }
    }

    private boolean active;

    /** An alert arrived: the chain's first read, or null while a chain is already running. */
    Next alert() {
        if (active) return null;
        active = true;
        return new Next(ALERT_ET11, ET11);
    }

    /**
     * The request that follows a {@code 0x00} reply to an entry tagged {@code followUp}, or null.
     *
     * @param procSequence hands out the next procedure sequence number (5..9)
     */
    Next after(int followUp, byte[] reply, IntSupplier procSequence) {
        switch (followUp) {
            case ET11 -> {
                if (reply.length < 6) return null;
                int s = reply[5] & 0xFF;
                int offset = 4 * s + 8;
                return new Next(new byte[] {0x3F, 0x08, 0x0D, (byte) (offset >>> 16), (byte) (offset >>> 8), (byte) offset,
                        0x00, 0x01}, ET13);
            }
            case ET13 -> {
                return new Next(ALERT_ET50, ET50);
            }
            case ET50 -> {
                if (reply.length < 6) return null;
                boolean et58 = (reply[5] & 0x02) != 0;
                byte[] call = {0x40, 0x00, 0x07, 0x00, 0x0D, 0x27, 0x08, (byte) procSequence.getAsInt(),
                        0x04, 0x01, 0x06, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06};
                return new Next(call, et58 ? ET58 : BT08, true);
            }
            case BT08 -> {
                return new Next(new byte[] {0x30, 0x00, 0x08, 0x02, 0x00}, CLEAR);
            }
            case ET58 -> {
                return new Next(new byte[] {0x30, 0x08, 0x3A, 0x02, 0x00}, CLEAR);
            }
            case CLEAR -> {
                active = false;
                return null;
            }
            default -> {
                return null;
            }
        }
    }
}
