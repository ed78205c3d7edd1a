package org.mepkit.serial.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

class LinePairTest {

    private static final Duration NO_WAIT = Duration.ZERO;
    private static final Duration LONG = Duration.ofSeconds(10);

    private final LinePair pair = LinePair.create("memory:host", "memory:meter", LineSettings.MEP);

    @Test
    void bytesWrittenOnOneEndAreReadOnTheOther() throws Exception {
        pair.a().write(new byte[] {1, 2, 3});
        pair.b().write(new byte[] {9});

        assertArrayEquals(new byte[] {1, 2, 3}, readExactly(pair.b(), 3));
        assertArrayEquals(new byte[] {9}, readExactly(pair.a(), 1));
    }

    @Test
    void bothEndsShareTheSettingsAndKeepTheirNames() {
        assertEquals("memory:host", pair.a().name());
        assertEquals("memory:meter", pair.b().name());
        assertEquals(LineSettings.MEP, pair.b().settings());
    }

    @Test
    void aReadReturnsAtMostWhatWasAskedAndLeavesTheRest() throws Exception {
        pair.a().write(new byte[] {1, 2, 3, 4, 5});
        byte[] buf = new byte[8];
        assertEquals(2, pair.b().read(buf, 0, 2, NO_WAIT));
        assertEquals(3, pair.b().read(buf, 2, 6, NO_WAIT));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, Arrays.copyOf(buf, 5));
    }

    @Test
    void aReadWithNothingToReadReturnsZeroAfterReallyWaitingItsTimeout() throws Exception {
        long start = System.nanoTime();
        assertEquals(0, pair.b().read(new byte[4], 0, 4, Duration.ofMillis(30)));
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waitedMs >= 29, "waited " + waitedMs + " ms of 30");
    }

    @Test
    void aBlockedReadWakesWhenTheOtherEndWrites() throws Exception {
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> readUnchecked(pair.b(), 2));
        pair.a().write(new byte[] {0x42, 0x43});
        assertArrayEquals(new byte[] {0x42, 0x43}, reader.get(10, TimeUnit.SECONDS));
    }

    @Test
    void afterThePeerClosesItsBytesCanStillBeReadThenReadsFail() throws Exception {
        pair.a().write(new byte[] {7, 8});
        pair.a().close();

        assertArrayEquals(new byte[] {7, 8}, readExactly(pair.b(), 2));
        var e = assertThrows(PortDisconnectedException.class, () -> pair.b().read(new byte[1], 0, 1, LONG));
        assertEquals("memory:meter: the other end (memory:host) was closed", e.getMessage());
        assertThrows(PortDisconnectedException.class, () -> pair.b().write(new byte[] {1}));
    }

    @Test
    void closingWakesAReaderBlockedOnTheOtherEnd() {
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> readUnchecked(pair.b(), 1));
        pair.a().close();
        var e = assertThrows(Exception.class, () -> reader.get(10, TimeUnit.SECONDS));
        assertTrue(rootCause(e) instanceof PortDisconnectedException, "cause: " + rootCause(e));
    }

    @Test
    void aClosedEndCannotBeUsedAndClosingTwiceIsHarmless() {
        pair.a().close();
        pair.a().close();
        var e = assertThrows(PortDisconnectedException.class, () -> pair.a().write(new byte[] {1}));
        assertEquals("memory:host: the line is closed", e.getMessage());
        assertThrows(PortDisconnectedException.class, () -> pair.a().read(new byte[1], 0, 1, NO_WAIT));
    }

    @Test
    void unpluggingFailsBothEndsAtOnceEvenWithBytesBuffered() throws Exception {
        pair.a().write(new byte[] {1, 2, 3});
        CompletableFuture<byte[]> blocked = CompletableFuture.supplyAsync(() -> readUnchecked(pair.a(), 1));
        pair.unplug();

        assertTrue(pair.isUnplugged());
        var e = assertThrows(PortDisconnectedException.class, () -> pair.b().read(new byte[3], 0, 3, NO_WAIT));
        assertEquals("memory:meter: the line was unplugged", e.getMessage());
        assertThrows(PortDisconnectedException.class, () -> pair.a().write(new byte[] {1}));
        var blockedFailure = assertThrows(Exception.class, () -> blocked.get(10, TimeUnit.SECONDS));
        assertTrue(rootCause(blockedFailure) instanceof PortDisconnectedException, "cause: " + rootCause(blockedFailure));
    }

    @Test
    void discardInputDropsWhatWasReceivedButNotYetRead() throws Exception {
        pair.a().write(new byte[] {1, 2, 3});
        pair.b().discardInput();
        assertEquals(0, pair.b().read(new byte[3], 0, 3, NO_WAIT));
        pair.a().write(new byte[] {4});
        assertArrayEquals(new byte[] {4}, readExactly(pair.b(), 1));
    }

    @Test
    void aNegativeTimeoutIsABug() {
        assertThrows(IllegalArgumentException.class, () -> pair.b().read(new byte[1], 0, 1, Duration.ofMillis(-1)));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20261125})
    void randomChunksArriveIntactAndInOrder(long seed) throws Exception {
        Random random = new Random(seed);
        byte[] sent = new byte[random.nextInt(20_000) + 1];
        random.nextBytes(sent);
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> readUnchecked(pair.b(), sent.length));
        for (int at = 0; at < sent.length; ) {
            int n = Math.min(sent.length - at, 1 + random.nextInt(700));
            pair.a().write(sent, at, n);
            at += n;
        }
        assertArrayEquals(sent, reader.get(10, TimeUnit.SECONDS), "seed " + seed);
    }

    static byte[] readExactly(SerialLine line, int count) throws SerialException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[Math.max(1, count)];
        long deadline = System.nanoTime() + LONG.toNanos();
        while (got.size() < count && System.nanoTime() < deadline) {
            int n = line.read(buf, 0, count - got.size(), Duration.ofMillis(200));
            got.write(buf, 0, n);
        }
        assertEquals(count, got.size(), "bytes read from " + line.name() + " within " + LONG);
        return got.toByteArray();
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t;
    }

    private static byte[] readUnchecked(SerialLine line, int count) {
        try {
            return readExactly(line, count);
        } catch (SerialException e) {
            throw new RuntimeException(e);
        }
    }
}
