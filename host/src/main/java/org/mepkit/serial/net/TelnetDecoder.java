package org.mepkit.serial.net;

import java.io.ByteArrayOutputStream;

/**
 * Splits the bytes a telnet server sends into serial data, option commands ({@code IAC DO/DONT/WILL/WONT x})
 * and subnegotiations ({@code IAC SB ... IAC SE}), in the order they came, across any chunking of the stream.
 * {@code IAC IAC} is one 0xFF, in data and in subnegotiations; other two-byte commands (NOP, GA, ...) are dropped.
 */
final class TelnetDecoder {

    interface Handler {
        void data(byte[] buffer, int offset, int len);

        void command(int verb, int option);

        void subnegotiation(byte[] payload);
    }

    private enum State { DATA, IAC, OPTION, SB, SB_IAC }

    private final Handler handler;
    private State state = State.DATA;
    private int verb;
    private final ByteArrayOutputStream sub = new ByteArrayOutputStream();

    TelnetDecoder(Handler handler) {
        this.handler = handler;
    }

    void feed(byte[] buffer, int offset, int len) {
        int runStart = offset;
        int end = offset + len;
        for (int i = offset; i < end; i++) {
            int b = buffer[i] & 0xFF;
            switch (state) {
                case DATA -> {
                    if (b == Telnet.IAC) {
                        if (i > runStart) handler.data(buffer, runStart, i - runStart);
                        state = State.IAC;
                    }
                }
                case IAC -> {
                    switch (b) {
                        case Telnet.IAC -> {
                            handler.data(new byte[] {(byte) 0xFF}, 0, 1);
                            state = State.DATA;
                        }
                        case Telnet.DO, Telnet.DONT, Telnet.WILL, Telnet.WONT -> {
                            verb = b;
                            state = State.OPTION;
                        }
                        case Telnet.SB -> {
                            sub.reset();
                            state = State.SB;
                        }
                        default -> state = State.DATA;
                    }
                    runStart = i + 1;
                }
                case OPTION -> {
                    handler.command(verb, b);
                    state = State.DATA;
                    runStart = i + 1;
                }
                case SB -> {
                    if (b == Telnet.IAC) state = State.SB_IAC;
                    else sub.write(b);
                    runStart = i + 1;
                }
                case SB_IAC -> {
                    if (b == Telnet.IAC) {
                        sub.write(b);
                        state = State.SB;
                    } else if (b == Telnet.SE) {
                        handler.subnegotiation(sub.toByteArray());
                        state = State.DATA;
                    } else {
                        state = State.SB; // a malformed IAC x inside SB: drop both, as most servers do
                    }
                    runStart = i + 1;
                }
            }
        }
        if (state == State.DATA && end > runStart) handler.data(buffer, runStart, end - runStart);
    }
}
