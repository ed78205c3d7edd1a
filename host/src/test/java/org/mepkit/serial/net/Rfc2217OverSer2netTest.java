package org.mepkit.serial.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.serial.LineReads;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortBusyException;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.Ports;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.pty.PtyMasterLine;

/**
 * mepkit's RFC 2217 client against Debian's ser2net (started here on 127.0.0.1) in front of an in-process pty whose
 * master plays the device.
 */
class Rfc2217OverSer2netTest {

    private static final Duration LONG = Duration.ofSeconds(10);

    @TempDir
    Path dir;
    private PtyMasterLine device;
    private Ser2net ser2net;
    private SerialLine line;

    @BeforeEach
    void export() throws Exception {
        device = PtyMasterLine.open(LineSettings.MEP);
        ser2net = Ser2netTesting.start(dir, new Ser2net.Device("dev", device.slavePath(), LineSettings.MEP));
    }

    @AfterEach
    void stop() {
        if (line != null) line.close();
        if (ser2net != null) ser2net.close();
        if (device != null) device.close();
    }

    @Test
    void bytesGoBothWaysIncluding0xFF() throws Exception {
        line = Ports.open(ser2net.url("dev"), LineSettings.MEP);
        byte[] out = {0x00, (byte) 0xFF, 0x06, (byte) 0xEE, (byte) 0xFF, (byte) 0xFF};
        line.write(out);
        assertArrayEquals(out, LineReads.readExactly(device, out.length));

        byte[] in = {(byte) 0xFF, 0x15, (byte) 0xFF, 0x00};
        device.write(in);
        assertArrayEquals(in, LineReads.readExactly(line, in.length));
    }

    @Test
    void theBaudTheClientAsksForArrivesAtThePty() throws Exception {
        line = Ports.open(ser2net.url("dev"), LineSettings.MEP.withBaud(19200));
        assertEquals(19200, Ser2netTesting.sttySpeed(device.slavePath()));
        line.close();
        line = Ports.open(ser2net.url("dev"), LineSettings.CONSOLE);
        assertEquals(115200, Ser2netTesting.sttySpeed(device.slavePath()));
        assertEquals(115200, device.outputBaud());
    }

    @Test
    void dtrAndRtsNeverBlockAlthoughSer2netCannotSetThemOnAPty() throws Exception {
        line = Ports.open(ser2net.url("dev"), LineSettings.MEP);
        line.modemControl().orElseThrow().setDtr(true);
        line.modemControl().orElseThrow().setRts(false);
        line.write("after".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("after".getBytes(StandardCharsets.US_ASCII), LineReads.readExactly(device, 5));
    }

    @Test
    void discardingInputDropsWhatTheDeviceSentBefore() throws Exception {
        line = Ports.open(ser2net.url("dev"), LineSettings.MEP);
        device.write("stale".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("s".getBytes(StandardCharsets.US_ASCII), LineReads.readExactly(line, 1));
        line.discardInput();
        device.write("fresh".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("fresh".getBytes(StandardCharsets.US_ASCII), LineReads.readExactly(line, 5));
    }

    @Test
    void aSecondClientIsToldThePortIsBusyInsteadOfWaiting() throws Exception {
        line = Ports.open(ser2net.url("dev"), LineSettings.MEP);
        var e = assertThrows(PortBusyException.class, () -> Ports.open(ser2net.url("dev"), LineSettings.MEP));
        assertTrue(e.getMessage().contains("Port already in use"), e.getMessage());
        line.write(new byte[] {0x42});
        assertArrayEquals(new byte[] {0x42}, LineReads.readExactly(device, 1), "the first client keeps the port");
    }

    @Test
    void killingTheExporterMidSessionFailsTheNextReadWithTheReason() throws Exception {
        line = Ports.open(ser2net.url("dev"), LineSettings.MEP);
        device.write(new byte[] {0x01});
        assertArrayEquals(new byte[] {0x01}, LineReads.readExactly(line, 1));
        ser2net.kill();
        long t0 = System.nanoTime();
        var e = assertThrows(PortDisconnectedException.class, () -> line.read(new byte[1], 0, 1, LONG));
        assertTrue(System.nanoTime() - t0 < LONG.toNanos(), "reported before the read's own timeout");
        assertTrue(e.getMessage().startsWith(ser2net.url("dev") + ": the exporter closed the connection"), e.getMessage());
        assertThrows(PortDisconnectedException.class, () -> line.write(new byte[] {1}));
    }
}
