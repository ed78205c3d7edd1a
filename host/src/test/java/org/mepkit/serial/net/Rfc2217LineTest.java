package org.mepkit.serial.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mepkit.serial.LineReads;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortBusyException;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.PortNotFoundException;
import org.mepkit.serial.PortSpec;
import org.mepkit.serial.Ports;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.UnsupportedLineFeatureException;

/** The RFC 2217 client against a scripted server on loopback: the bytes it sends, what it accepts, how it fails. */
class Rfc2217LineTest {

    private static final Duration LONG = Duration.ofSeconds(10);
    private static final HexFormat HEX = HexFormat.of();

    /** WILL BINARY, DO BINARY, WILL SGA, DO SGA, WILL COM-PORT-OPTION. */
    private static final String OFFER = "fffb00fffd00fffb03fffd03fffb2c";
    /** The only reply ser2net's greeting needs: its WILL ECHO refused (every other line confirms an offer). */
    private static final String REFUSE_ECHO = "fffe01";

    private FakeRfc2217Server server;
    private SerialLine line;

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeRfc2217Server();
    }

    @AfterEach
    void stop() throws Exception {
        if (line != null) line.close();
        server.close();
    }

    @Test
    void openingNegotiatesTelnetOptionsThenSetsTheLineAndPurgesByteForByte() throws Exception {
        line = Ports.open(server.url(), LineSettings.MEP);

        String expected = OFFER + REFUSE_ECHO
                + "fffa2c0100002580fff0"   // SET-BAUDRATE 9600
                + "fffa2c0208fff0"         // SET-DATASIZE 8
                + "fffa2c0301fff0"         // SET-PARITY NONE
                + "fffa2c0401fff0"         // SET-STOPSIZE 1
                + "fffa2c0501fff0"         // SET-CONTROL no flow control (never waited for)
                + "fffa2c0c03fff0";        // PURGE-DATA both buffers
        assertEquals(expected, HEX.formatHex(server.awaitReceived(expected.length() / 2, LONG)));
        assertEquals(server.url(), line.name());
        assertEquals(LineSettings.MEP, line.settings());
    }

    @Test
    void evenParitySevenBitsTwoStopBitsAreSpelledAsRfc2217Says() throws Exception {
        LineSettings odd = new LineSettings(115200, 7, LineSettings.Parity.EVEN, LineSettings.StopBits.TWO);
        line = Ports.open(server.url(), odd);
        String settings = HEX.formatHex(server.received());
        assertTrue(settings.contains("fffa2c010001c200fff0fffa2c0207fff0fffa2c0303fff0fffa2c0402fff0"), settings);
    }

    @Test
    void aBaudRateContainingFFIsDoubledInsideTheSubnegotiation() throws Exception {
        line = Ports.open(server.url(), new LineSettings(0x0001C2FF, 8, LineSettings.Parity.NONE, LineSettings.StopBits.ONE));
        assertTrue(HEX.formatHex(server.received()).contains("fffa2c010001c2ffff" + "fff0"), HEX.formatHex(server.received()));
    }

    @Test
    void repeatedOptionRequestsAreNotAnsweredAgainSoNegotiationCannotLoop() throws Exception {
        // ser2net sends DO SGA a second time after the client's offers; a naive client answers and both loop
        server.onConnect(s -> sendQuietly(s, "fffd03fffb00fffd00"));
        line = Ports.open(server.url(), LineSettings.MEP);
        line.write(new byte[] {0x42});
        String sent = HEX.formatHex(server.awaitReceived(OFFER.length() / 2 + 3 + 38 + 7 + 1, LONG));
        assertEquals(1, count(sent, "fffb03"), sent);
        assertEquals(1, count(sent, "fffb00"), sent);
    }

    @Test
    void unknownOptionsAreRefused() throws Exception {
        server.onConnect(s -> sendQuietly(s, "fffd18fffb05"));   // DO TERMINAL-TYPE, WILL STATUS
        line = Ports.open(server.url(), LineSettings.MEP);
        String sent = HEX.formatHex(server.received());
        assertTrue(sent.contains("fffc18") && sent.contains("fffe05"), sent);
    }

    @Test
    void dataHasFFDoubledOnTheWayOutAndUndoubledOnTheWayIn() throws Exception {
        line = Ports.open(server.url(), LineSettings.MEP);
        int before = server.received().length;
        line.write(new byte[] {0x01, (byte) 0xFF, 0x02, (byte) 0xEE});
        byte[] raw = server.awaitReceived(before + 5, LONG);
        assertEquals("01ffff02ee", HEX.formatHex(java.util.Arrays.copyOfRange(raw, before, raw.length)));

        server.send(HEX.parseHex("41ffff4206"));
        assertArrayEquals(HEX.parseHex("41ff4206"), LineReads.readExactly(line, 4));
    }

    @Test
    void dtrAndRtsAreSentAndNeverWaitedForBecauseAPtyNeverAcknowledgesThem() throws Exception {
        line = Ports.open(server.url(), LineSettings.MEP);
        int before = server.received().length;
        var modem = line.modemControl().orElseThrow();
        modem.setDtr(true);
        modem.setDtr(false);
        modem.setRts(true);
        modem.setRts(false);
        byte[] raw = server.awaitReceived(before + 28, LONG);
        assertEquals("fffa2c0508fff0" + "fffa2c0509fff0" + "fffa2c050bfff0" + "fffa2c050cfff0",
                HEX.formatHex(java.util.Arrays.copyOfRange(raw, before, raw.length)));
    }

    @Test
    void discardingInputPurgesTheExporterAndDropsExactlyWhatCameBeforeItsAcknowledgement() throws Exception {
        line = Ports.open(server.url(), LineSettings.MEP);
        server.aroundPurgeAck("stale".getBytes(StandardCharsets.US_ASCII), "fresh".getBytes(StandardCharsets.US_ASCII));
        line.discardInput();
        assertArrayEquals("fresh".getBytes(StandardCharsets.US_ASCII), LineReads.readExactly(line, 5));
        assertTrue(HEX.formatHex(server.received()).endsWith("fffa2c0c01fff0"), "PURGE-DATA receive buffer");
    }

    @Test
    void aServerThatChangesTheBaudIsRefused() throws Exception {
        server.answerBaud(4800);
        var e = assertThrows(UnsupportedLineFeatureException.class, () -> Ports.open(server.url(), LineSettings.MEP));
        assertEquals(server.url() + ": the exporter cannot set baud 9600 (it answered 000012c0)", e.getMessage());
    }

    @Test
    void aServerThatRefusesComPortOptionIsNotAnExporter() throws Exception {
        server.greeting(HEX.parseHex("fffe2c"));
        var e = assertThrows(UnsupportedLineFeatureException.class, () -> Ports.open(server.url(), LineSettings.MEP));
        assertTrue(e.getMessage().contains("refused COM-PORT-OPTION"), e.getMessage());
        assertTrue(e.getMessage().contains("socket://"), e.getMessage());
    }

    @Test
    void aSilentServerFailsWithinTheUrlTimeout() throws Exception {
        server.greeting(new byte[0]);
        long t0 = System.nanoTime();
        var e = assertThrows(SerialException.class, () -> Ports.open(server.url() + "?timeout=0.3", LineSettings.MEP));
        assertEquals(server.url() + "?timeout=0.3: no RFC 2217 answer within 300 ms (is it a telnet/RFC 2217 port? for a raw TCP port use socket://)",
                e.getMessage());
        assertTrue(System.nanoTime() - t0 < LONG.toNanos());
    }

    @Test
    void aServerThatNeverAcknowledgesTheSettingsFailsWithinTheTimeout() throws Exception {
        server.silentComPort();
        var e = assertThrows(SerialException.class, () -> Ports.open(server.url() + "?timeout=0.3", LineSettings.MEP));
        assertEquals(server.url() + "?timeout=0.3: the exporter did not acknowledge baud 9600 within 300 ms", e.getMessage());
    }

    @Test
    void aPortInUseIsReportedAsBusyAsSer2netSaysIt() throws Exception {
        server.onConnect(s -> {
            sendQuietly(s, HEX.formatHex("Port already in use\r\n".getBytes(StandardCharsets.US_ASCII)));
            try {
                s.dropClient();
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        var e = assertThrows(PortBusyException.class, () -> Ports.open(server.url(), LineSettings.MEP));
        assertTrue(e.getMessage().startsWith(server.url() + ": port is busy (the exporter says 'Port already in use'"), e.getMessage());
    }

    @Test
    void aDroppedConnectionStillHandsOverWhatCameThenFailsEveryCall() throws Exception {
        line = Ports.open(server.url(), LineSettings.MEP);
        server.send(new byte[] {0x10, 0x20});
        readExactlyOrFail(2);
        server.send(new byte[] {0x30});
        server.dropClient();
        byte[] one = new byte[1];
        assertEquals(1, line.read(one, 0, 1, LONG));
        assertEquals(0x30, one[0]);
        var e = assertThrows(PortDisconnectedException.class, () -> line.read(one, 0, 1, LONG));
        assertTrue(e.getMessage().startsWith(server.url() + ": the exporter closed the connection"), e.getMessage());
        assertThrows(PortDisconnectedException.class, () -> line.write(new byte[] {1}));
    }

    @Test
    void aReadWithNothingComingReturnsZeroAfterItsTimeout() throws Exception {
        line = Ports.open(server.url(), LineSettings.MEP);
        assertEquals(0, line.read(new byte[4], 0, 4, Duration.ofMillis(30)));
    }

    @Test
    void aRefusedConnectionNamesThePortAndTheExporter() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        var e = assertThrows(PortNotFoundException.class, () -> Ports.open("rfc2217://127.0.0.1:" + free, LineSettings.MEP));
        assertEquals("rfc2217://127.0.0.1:" + free + ": connection refused (is the port exporter, e.g. ser2net, running on 127.0.0.1 port "
                + free + "?)", e.getMessage());
    }

    @Test
    void anUnreachableHostAndAConnectTimeoutAreOneLineEach() throws Exception {
        PortSpec.Rfc2217 spec = (PortSpec.Rfc2217) PortSpec.parse("rfc2217://192.0.2.7:4000");
        var unreachable = assertThrows(PortNotFoundException.class, () -> NetPorts.open(spec, LineSettings.MEP,
                (a, t) -> { throw new NoRouteToHostException("No route to host"); }));
        assertEquals("rfc2217://192.0.2.7:4000: host unreachable (192.0.2.7: no route; is it up and on this network?)",
                unreachable.getMessage());
        var silent = assertThrows(PortNotFoundException.class, () -> NetPorts.open(spec, LineSettings.MEP,
                (a, t) -> { throw new SocketTimeoutException("connect timed out"); }));
        assertEquals("rfc2217://192.0.2.7:4000: no answer from 192.0.2.7 port 4000 within 3.0 s (host down, or a firewall drops the port?)",
                silent.getMessage());
    }

    private void readExactlyOrFail(int n) throws Exception {
        LineReads.readExactly(line, n);
    }

    private static void sendQuietly(FakeRfc2217Server s, String hex) {
        try {
            s.send(HEX.parseHex(hex));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 2)) {
            if (i % 2 == 0) n++;
        }
        return n;
    }
}
