package org.mepkit.serial.pty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;

/** The device side of an openpty: it sees the host's bytes, and the host closing the port (unlike a socat pair). */
class PtyMasterLineTest {

    private final PtyMasterLine device = open();

    private static PtyMasterLine open() {
        try {
            return PtyMasterLine.open(LineSettings.CONSOLE);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @AfterEach
    void close() {
        device.close();
    }

    @Test
    void ptysOpenedInParallelEachKnowTheirOwnPath() throws Exception {
        int threads = 8, each = 100;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.List<java.util.concurrent.Future<java.util.List<String>>> results = new java.util.ArrayList<>();
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    java.util.List<String> paths = new java.util.ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        try (PtyMasterLine pty = PtyMasterLine.open(LineSettings.CONSOLE)) {
                            String path = pty.slavePath();
                            assertTrue(path.matches("/dev/pts/\\d+"), "a whole pty name: " + path);
                            assertTrue(java.nio.file.Files.exists(java.nio.file.Path.of(path)), path);
                            paths.add(path);
                        }
                    }
                    return paths;
                }));
            }
            start.countDown();
            for (var r : results) assertEquals(each, r.get(30, java.util.concurrent.TimeUnit.SECONDS).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHostClosingThePortIsAHangUpOnTheMasterAndReopeningClearsIt() throws Exception {
        assertTrue(device.slavePath().startsWith("/dev/pts/"), device.slavePath());
        device.releaseSlave();
        assertFalse(device.hostConnected(), "nobody has the port open yet");
        try (SerialLine host = JscPorts.open(device.slavePath(), LineSettings.CONSOLE)) {
            assertTrue(device.hostConnected());
            host.write(new byte[] {1, 2, 3});
            byte[] buf = new byte[8];
            int n = readSome(buf);
            assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOf(buf, n));
            device.write(new byte[] {9});
            assertEquals(1, host.read(buf, 0, 8, Duration.ofSeconds(2)));
            assertEquals(9, buf[0]);
        }
        assertThrows(PortDisconnectedException.class, () -> device.read(new byte[8], 0, 8, Duration.ofSeconds(2)));
        assertFalse(device.hostConnected());
        try (SerialLine again = JscPorts.open(device.slavePath(), LineSettings.CONSOLE)) {
            assertTrue(device.hostConnected(), "a new host has the port open");
            again.write(new byte[] {7});
            byte[] buf = new byte[8];
            assertEquals(1, readSome(buf));
            assertEquals(7, buf[0]);
        }
    }

    @Test
    void writesWithNoHostReadingNeverBlockForLong() throws Exception {
        device.releaseSlave();
        long start = System.nanoTime();
        device.write(new byte[64 * 1024]);   // nobody has the port open: the bytes are dropped, not queued forever
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "write returned");
    }

    private int readSome(byte[] buf) throws Exception {
        long end = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < end) {
            int n = device.read(buf, 0, buf.length, Duration.ofMillis(200));
            if (n > 0) return n;
        }
        return 0;
    }
}
