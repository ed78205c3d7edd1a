package org.mepkit.serial.net;

import java.io.ByteArrayOutputStream;

/** The telnet bytes an RFC 2217 client needs (RFC 854/855/856/858, RFC 2217), and IAC doubling for the data stream. */
final class Telnet {

    static final int IAC = 0xFF;
    static final int DONT = 0xFE;
    static final int DO = 0xFD;
    static final int WONT = 0xFC;
    static final int WILL = 0xFB;
    static final int SB = 0xFA;
    static final int SE = 0xF0;

    static final int BINARY = 0;
    static final int ECHO = 1;
    static final int SGA = 3;
    static final int COM_PORT_OPTION = 44;

    private Telnet() {
    }

    /** {@code IAC verb option}. */
    static byte[] command(int verb, int option) {
        return new byte[] {(byte) IAC, (byte) verb, (byte) option};
    }

    /** Data as it goes on the wire: every 0xFF doubled. */
    static byte[] escape(byte[] data, int offset, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 8);
        for (int i = offset; i < offset + len; i++) {
            out.write(data[i]);
            if ((data[i] & 0xFF) == IAC) out.write(IAC);
        }
        return out.toByteArray();
    }

    /** {@code IAC SB option payload IAC SE}, with 0xFF in the payload doubled (a baud rate can contain one). */
    static byte[] subnegotiation(int option, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 6);
        out.write(IAC);
        out.write(SB);
        out.write(option);
        out.writeBytes(escape(payload, 0, payload.length));
        out.write(IAC);
        out.write(SE);
        return out.toByteArray();
    }

    static String verbName(int verb) {
        return switch (verb) {
            case DO -> "DO";
            case DONT -> "DONT";
            case WILL -> "WILL";
            case WONT -> "WONT";
            default -> Integer.toString(verb);
        };
    }
}
