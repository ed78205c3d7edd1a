package org.mepkit.serial.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.ManualTicker;
import org.mepkit.time.SystemTicker;
import org.mepkit.time.Ticker;

class PacedLineTest {

    /** 9600 8N1: 10 bits a byte, 1.041666 ms. */
    private static final long BYTE_NANOS_9600 = 1_041_666;

    private final ManualTicker ticker = ManualTicker.autoAdvancing();
    private final LinePair pair = LinePair.create("memory:meter", "memory:host", LineSettings.MEP);
    private final List<long[]> deliveries = new ArrayList<>();

    @Test
    void aWriteTakesTheWireTimeOfItsBytes() throws Exception {
        new PacedLine(pair.a(), ticker).write(new byte[10]);
        assertEquals(LineSettings.MEP.wireTime(10), ticker.elapsed());
    }

    @Test
    void eachByteIsHandedOnWhenItsLastBitWouldHaveLeftTheWire() throws Exception {
        new PacedLine(recording(), ticker).write(new byte[] {1, 2, 3});
        assertEquals(3, deliveries.size());
        for (int i = 0; i < 3; i++) {
            assertEquals((i + 1) * 10_000_000_000L / 9600, deliveries.get(i)[0], "time of byte " + i);
            assertEquals(1, deliveries.get(i)[1], "bytes in delivery " + i);
        }
    }

    @Test
    void writesInQuickSuccessionGoBackToBackWithoutDrift() throws Exception {
        PacedLine paced = new PacedLine(pair.a(), ticker);
        for (int i = 0; i < 96; i++) paced.write(new byte[] {(byte) i});
        assertEquals(LineSettings.MEP.wireTime(96), ticker.elapsed());
        assertArrayEquals(sequence(96), LinePairTest.readExactly(pair.b(), 96));
    }

    @Test
    void aWriteAfterSilenceStartsFromNowNotFromTheLastByte() throws Exception {
        PacedLine paced = new PacedLine(pair.a(), ticker);
        paced.write(new byte[] {1});
        Duration firstDone = ticker.elapsed();
        ticker.advance(Duration.ofSeconds(1));
        paced.write(new byte[] {2});
        assertEquals(firstDone.plusSeconds(1).plus(LineSettings.MEP.wireTime(1)), ticker.elapsed());
    }

    @Test
    void bytesAlreadyDueAfterALateWakeUpAreDeliveredTogether() throws Exception {
        OversleepingTicker late = new OversleepingTicker(3 * BYTE_NANOS_9600 + 1_000);
        PacedLine paced = new PacedLine(recordingOn(late), late);
        paced.write(new byte[8]);
        assertEquals(8, deliveries.stream().mapToLong(d -> d[1]).sum());
        // waits for byte 0 (1.04 ms), wakes at 4.17 ms: bytes 0-3 are due; waits for byte 4, wakes at 8.33 ms: 4-7
        assertEquals(List.of(4L, 4L), deliveries.stream().map(d -> d[1]).toList());
    }

    @Test
    void baudAndFramingSetTheByteTime() throws Exception {
        LineSettings sevenE2 = new LineSettings(1200, 7, LineSettings.Parity.EVEN, LineSettings.StopBits.TWO);
        LinePair slow = LinePair.create("a", "b", sevenE2);
        new PacedLine(slow.a(), ticker).write(new byte[12]);
        assertEquals(Duration.ofMillis(110), ticker.elapsed(), "11 bits x 12 bytes at 1200 baud");
    }

    @Test
    void withTheSystemTickerItTakesAtLeastTheRealWireTime() throws Exception {
        PacedLine paced = new PacedLine(pair.a(), SystemTicker.INSTANCE);
        long start = System.nanoTime();
        paced.write(new byte[48]);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(tookMs >= 49, "48 bytes at 9600 need 50 ms, took " + tookMs + " ms");
        assertEquals(48, LinePairTest.readExactly(pair.b(), 48).length);
    }

    @Test
    void aUartDeliversWhatTheHostWroteAtOnceByteByByteAtTheLineSpeed() throws Exception {
        LinePair console = LinePair.create("memory:host", "memory:chip", LineSettings.CONSOLE);
        PacedLine chip = PacedLine.uart(console.b(), ticker, () -> 115200);
        console.a().write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        byte[] got = new byte[10];
        int n = 0;
        while (n < 10) n += chip.read(got, n, 10 - n, Duration.ofSeconds(1));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, got);
        assertEquals(LineSettings.CONSOLE.wireTime(10), ticker.elapsed(), "10 bytes at 115200 8N1");
    }

    @Test
    void aUartReadReturnsOnlyTheBytesThatHaveArrivedAMillisecondsWorthAtATime() throws Exception {
        LinePair console = LinePair.create("memory:host", "memory:chip", LineSettings.CONSOLE);
        PacedLine chip = PacedLine.uart(console.b(), ticker, () -> 115200);
        console.a().write(new byte[100]);
        assertEquals(11, chip.read(new byte[100], 0, 100, Duration.ofSeconds(1)), "115200 8N1 moves 11 bytes a millisecond");
        assertEquals(LineSettings.CONSOLE.wireTime(11), ticker.elapsed());
        ticker.advance(LineSettings.CONSOLE.wireTime(30));
        assertEquals(30, chip.read(new byte[100], 0, 100, Duration.ofSeconds(1)), "what arrived meanwhile, all at once");
        assertEquals(3, chip.read(new byte[3], 0, 3, Duration.ofSeconds(1)), "never more than asked for");
    }

    @Test
    void aUartFollowsTheSpeedTheHostSetsBetweenBursts() throws Exception {
        LinePair console = LinePair.create("memory:host", "memory:chip", LineSettings.CONSOLE);
        int[] hostBaud = {115200};
        PacedLine chip = PacedLine.uart(console.b(), ticker, () -> hostBaud[0]);
        chip.write(new byte[12]);   // e.g. the CHANGE_BAUDRATE reply, at the old speed
        assertEquals(LineSettings.CONSOLE.wireTime(12), ticker.elapsed());
        hostBaud[0] = 460800;       // esptool switches its port after the reply
        Duration before = ticker.elapsed();
        chip.write(new byte[4608]);
        assertEquals(LineSettings.CONSOLE.withBaud(460800).wireTime(4608), ticker.elapsed().minus(before));
        console.a().write(new byte[46]);
        Duration readStart = ticker.elapsed();
        int n = 0;
        while (n < 46) n += chip.read(new byte[46], 0, 46 - n, Duration.ofSeconds(1));
        assertEquals(Duration.ofNanos(46 * 10 * 1_000_000_000L / 460800), ticker.elapsed().minus(readStart));
    }

    @Test
    void aUartReadTimesOutLikeTheLineWhenNothingCame() throws Exception {
        LinePair console = LinePair.create("memory:host", "memory:chip", LineSettings.CONSOLE);
        PacedLine chip = PacedLine.uart(console.b(), ticker, () -> 115200);
        assertEquals(0, chip.read(new byte[8], 0, 8, Duration.ofMillis(5)));
    }

    private SerialLine recording() {
        return recordingOn(ticker);
    }

    private SerialLine recordingOn(Ticker clock) {
        SerialLine end = pair.a();
        return new ForwardingLine(end) {
            @Override
            public void write(byte[] data, int offset, int len) throws SerialException {
                synchronized (deliveries) {
                    deliveries.add(new long[] {clock.nanoTime(), len});
                }
                end.write(data, offset, len);
            }
        };
    }

    /** A clock whose waits always end {@code lateBy} after the deadline, like a coarse sleep. */
    private static final class OversleepingTicker implements Ticker {
        private final long lateBy;
        private long now;

        OversleepingTicker(long lateBy) {
            this.lateBy = lateBy;
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void waitUntil(long deadlineNanos) {
            if (deadlineNanos > now) now = deadlineNanos + lateBy;
        }
    }

    private static byte[] sequence(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) i;
        return b;
    }
}
