package org.mepkit.serial.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The telnet stream splits into data, commands and subnegotiations the same way however TCP chunks it. */
class TelnetDecoderTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Data 41 FF(doubled) 42, DO SGA, SB 44 [65 00 00 25 80] with nothing to undouble, a NOP, SB with a doubled FF, data 43. */
    private static final byte[] STREAM = HEX.parseHex("41ffff42" + "fffd03" + "fffa2c6500002580fff0" + "fff1"
            + "fffa2c65000001ffffff" + "f0" + "43");

    @Test
    void everyChunkingGivesTheSameEvents() {
        String whole = decode(STREAM, STREAM.length);
        assertEquals("data 41ff42 | DO 3 | sb 2c6500002580 | sb 2c65000001ff | data 43", whole);
        for (int chunk = 1; chunk < STREAM.length; chunk++) {
            assertEquals(whole, decode(STREAM, chunk), "chunks of " + chunk);
        }
    }

    private static String decode(byte[] stream, int chunk) {
        List<String> events = new ArrayList<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        TelnetDecoder d = new TelnetDecoder(new TelnetDecoder.Handler() {
            @Override
            public void data(byte[] buffer, int offset, int len) {
                data.write(buffer, offset, len);
            }

            @Override
            public void command(int verb, int option) {
                flush();
                events.add(Telnet.verbName(verb) + " " + option);
            }

            @Override
            public void subnegotiation(byte[] payload) {
                flush();
                events.add("sb " + HEX.formatHex(payload));
            }

            private void flush() {
                if (data.size() > 0) events.add("data " + HEX.formatHex(data.toByteArray()));
                data.reset();
            }
        });
        for (int i = 0; i < stream.length; i += chunk) d.feed(stream, i, Math.min(chunk, stream.length - i));
        if (data.size() > 0) events.add("data " + HEX.formatHex(data.toByteArray()));
        return String.join(" | ", events);
    }
}
