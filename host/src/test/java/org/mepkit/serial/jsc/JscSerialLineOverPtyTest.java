package org.mepkit.serial.jsc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortBusyException;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.PortNotFoundException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.pty.OpenPty;

/** The jSerialComm line on a real tty: an in-process pty whose master plays the device. */
class JscSerialLineOverPtyTest {

    private static final Duration LONG = Duration.ofSeconds(10);

    private OpenPty pty;
    private SerialLine line;

    @BeforeEach
    void openPort() throws Exception {
        pty = OpenPty.open();
        line = JscPorts.open(pty.portPath(), LineSettings.MEP);
    }

    @AfterEach
    void closePort() {
        if (line != null) line.close();
        pty.close();
    }

    @Test
    void theLineIsNamedAfterThePathAndSetToTheRequestedBaud() throws Exception {
        assertEquals(pty.portPath(), line.name());
        assertEquals(LineSettings.MEP, line.settings());
        assertEquals(9600, pty.baud());
    }

    @Test
    void theConsoleSpeedReachesTheTermios() throws Exception {
        line.close();
        line = JscPorts.open(pty.portPath(), LineSettings.CONSOLE);
        assertEquals(115200, pty.baud());
    }

    @Test
    void bytesGoBothWays() throws Exception {
        line.write(new byte[] {(byte) 0xEE, 0x00, 0x13});
        assertArrayEquals(new byte[] {(byte) 0xEE, 0x00, 0x13}, pty.readExactly(3, LONG));

        pty.write(new byte[] {0x00, (byte) 0xFF, 0x11});
        assertArrayEquals(new byte[] {0x00, (byte) 0xFF, 0x11}, readExactly(line, 3));
    }

    @Test
    void aLargeRandomBlockArrivesIntact() throws Exception {
        long seed = 20261125;
        byte[] block = new byte[64 * 1024];
        new Random(seed).nextBytes(block);
        CompletableFuture<byte[]> device = CompletableFuture.supplyAsync(() -> {
            try {
                return pty.readExactly(block.length, LONG);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        line.write(block);
        assertArrayEquals(block, device.get(20, TimeUnit.SECONDS), "seed " + seed);
    }

    @Test
    void aShortTimeoutIsHonouredWhenNothingArrives() throws Exception {
        long start = System.nanoTime();
        assertEquals(0, line.read(new byte[8], 0, 8, Duration.ofMillis(20)));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waitedMs >= 19, "waited " + waitedMs + " ms of 20");
    }

    @Test
    void aLongTimeoutIsHonouredWhenNothingArrives() throws Exception {
        long start = System.nanoTime();
        assertEquals(0, line.read(new byte[8], 0, 8, Duration.ofMillis(250)));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waitedMs >= 249, "waited " + waitedMs + " ms of 250");
    }

    @Test
    void aWaitingReadReturnsWhenTheDeviceAnswers() throws Exception {
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> readUnchecked(line, 2));
        pty.write(new byte[] {0x0C, 0x0D});
        assertArrayEquals(new byte[] {0x0C, 0x0D}, reader.get(20, TimeUnit.SECONDS));
    }

    @Test
    void discardInputDropsWhatArrivedButWasNotRead() throws Exception {
        pty.write(new byte[] {1, 2, 3, 4, 5});
        assertEquals(1, line.read(new byte[1], 0, 1, LONG), "the stale bytes have arrived");
        line.discardInput();
        pty.write(new byte[] {9});
        assertArrayEquals(new byte[] {9}, readExactly(line, 1));
        assertEquals(0, line.read(new byte[8], 0, 8, Duration.ofMillis(5)));
    }

    @Test
    void bytesTheDeviceSentBeforeThePortWasOpenedAreDiscardedAtOpen() throws Exception {
        line.close();
        pty.write(new byte[] {7, 7, 7});
        line = JscPorts.open(pty.portPath(), LineSettings.MEP);
        pty.write(new byte[] {1});
        assertArrayEquals(new byte[] {1}, readExactly(line, 1));
    }

    @Test
    void aPseudoTerminalHasNoModemLines() {
        assertTrue(line.modemControl().isEmpty());
    }

    @Test
    void aSecondOpenOfTheSamePortIsRefusedAsBusy() {
        var e = assertThrows(PortBusyException.class, () -> JscPorts.open(pty.portPath(), LineSettings.MEP));
        assertEquals(pty.portPath() + ": port is busy (this program already has it open)", e.getMessage());
    }

    @Test
    void aPortLockedByAnotherProgramIsRefusedAsBusy() throws Exception {
        try (OpenPty other = OpenPty.open()) {
            other.lockLikeAnotherProgram();
            var e = assertThrows(PortBusyException.class, () -> JscPorts.open(other.portPath(), LineSettings.MEP));
            assertEquals(other.portPath() + ": port is busy (another program has it open: close it, e.g. a serial monitor or another mep)",
                    e.getMessage());
        }
    }

    @Test
    void aPortCanBeOpenedAgainAfterItWasClosed() throws Exception {
        line.close();
        line = JscPorts.open(pty.portPath(), LineSettings.MEP);
        line.write(new byte[] {5});
        assertArrayEquals(new byte[] {5}, pty.readExactly(1, LONG));
    }

    @Test
    void aMissingPortIsNamedInTheError() {
        var e = assertThrows(PortNotFoundException.class, () -> JscPorts.open("/dev/ttyMEPKIT-missing", LineSettings.MEP));
        assertEquals("/dev/ttyMEPKIT-missing: no such port (is the adapter plugged in? check the path)", e.getMessage());
    }

    @Test
    void unpluggingWakesAWaitingReadWithADisconnect() throws Exception {
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return line.read(new byte[4], 0, 4, LONG);
            } catch (SerialException e) {
                throw new RuntimeException(e);
            }
        });
        pty.unplug();
        var failure = assertThrows(Exception.class, () -> reader.get(20, TimeUnit.SECONDS));
        assertTrue(rootCause(failure) instanceof PortDisconnectedException, "cause: " + rootCause(failure));
        var later = assertThrows(PortDisconnectedException.class, () -> line.write(new byte[] {1}));
        assertEquals(pty.portPath() + ": the port went away (unplugged?)", later.getMessage());
    }

    @Test
    void closingTheLineEndsAReadWaitingInAnotherThread() throws Exception {
        CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return line.read(new byte[4], 0, 4, Duration.ofSeconds(5));
            } catch (SerialException e) {
                throw new RuntimeException(e);
            }
        });
        line.close();
        var failure = assertThrows(Exception.class, () -> reader.get(20, TimeUnit.SECONDS));
        assertTrue(rootCause(failure) instanceof PortDisconnectedException, "cause: " + rootCause(failure));
        assertEquals(pty.portPath() + ": the port is closed", rootCause(failure).getMessage());
    }

    @Test
    void aClosedLineRefusesUseAndClosingTwiceIsHarmless() {
        line.close();
        line.close();
        assertThrows(PortDisconnectedException.class, () -> line.read(new byte[1], 0, 1, Duration.ZERO));
        assertThrows(PortDisconnectedException.class, () -> line.write(new byte[] {1}));
    }

    @Test
    void drainReturnsOnceTheBytesLeft() throws Exception {
        line.write(new byte[100]);
        line.drain();
        assertEquals(100, pty.readExactly(100, LONG).length);
    }

    static byte[] readExactly(SerialLine line, int count) throws SerialException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[count];
        long deadline = System.nanoTime() + LONG.toNanos();
        while (got.size() < count && System.nanoTime() < deadline) {
            int n = line.read(buf, 0, count - got.size(), Duration.ofMillis(200));
            got.write(buf, 0, n);
        }
        assertEquals(count, got.size(), "bytes read from " + line.name());
        return got.toByteArray();
    }

    static byte[] readUnchecked(SerialLine line, int count) {
        try {
            return readExactly(line, count);
        } catch (SerialException e) {
            throw new RuntimeException(e);
        }
    }

    static Throwable rootCause(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t;
    }
}
