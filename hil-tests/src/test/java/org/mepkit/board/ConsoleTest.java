package org.mepkit.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.time.ManualTicker;
import org.mepkit.time.Ticker;

class ConsoleTest {

    @TempDir
    Path dir;

    @Test
    void everythingPrintedIsInTheTranscriptWithTheBoardTimeEachLineWasCompleted() throws Exception {
        AtomicLong now = new AtomicLong(5);
        try (Console console = Console.open(dir.resolve("console"), null, now::get)) {
            console.println("rst:0x1 (POWERON_RESET)");
            now.set(42);
            console.print("I (42) half a line");
            now.set(77);
            console.println(" ends here");

            assertEquals("rst:0x1 (POWERON_RESET)\r\nI (42) half a line ends here\r\n", console.transcript());
            assertEquals(OptionalLong.of(5), console.lineMillis(0));
            assertEquals(OptionalLong.of(77), console.lineMillis(1), "a line is stamped when its line feed is printed");
            assertEquals(OptionalLong.empty(), console.lineMillis(2));
        }
    }

    @Test
    void theLinkNamesThePtyWhileOpenAndIsRemovedOnClose() throws Exception {
        Path link = dir.resolve("console");
        Console console = Console.open(link, null, () -> 0L);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of(console.path()), Files.readSymbolicLink(link));
        assertFalse(console.hostConnected(), "no host has opened the console yet");
        console.close();
        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aPacedConsoleTakesTheWireTimeAtTheSpeedTheHostSetOnItsPort() throws Exception {
        ManualTicker board = ManualTicker.autoAdvancing();
        try (Console console = Console.open(dir.resolve("console"), board, () -> 0L)) {
            console.print("x".repeat(46));
            console.line().drain();
            assertEquals(LineSettings.CONSOLE.wireTime(46), board.elapsed(), "no host: the console's own 115200");
            try (SerialLine host = JscPorts.open(console.path(), LineSettings.CONSOLE.withBaud(460800))) {
                java.time.Duration before = board.elapsed();
                console.print("y".repeat(4608));
                console.line().drain();
                assertEquals(LineSettings.CONSOLE.withBaud(460800).wireTime(4608), board.elapsed().minus(before),
                        "the host's port speed (its termios, read through the pty master)");
                host.write("SYNC".getBytes());
                before = board.elapsed();
                byte[] got = new byte[4];
                int n = 0;
                while (n < 4) n += console.line().read(got, n, 4 - n, java.time.Duration.ofSeconds(2));
                assertEquals(LineSettings.CONSOLE.withBaud(460800).wireTime(4), board.elapsed().minus(before),
                        "what the host sends arrives at the same speed");
            }
        }
    }

    @Test
    void aShortPrintReturnsOnceItFitsTheTransmitFifoAndTheWireTakesItsTimeBehind() throws Exception {
        ManualTicker board = ManualTicker.autoAdvancing();
        Thread firmware = Thread.currentThread();
        AtomicInteger firmwareWaits = new AtomicInteger();
        Ticker watched = new Ticker() {
            @Override
            public long nanoTime() {
                return board.nanoTime();
            }

            @Override
            public void waitUntil(long deadlineNanos) throws InterruptedException {
                if (Thread.currentThread() == firmware) firmwareWaits.incrementAndGet();
                board.waitUntil(deadlineNanos);
            }
        };
        try (Console console = Console.open(dir.resolve("console"), watched, () -> 0L)) {
            console.print("Setting ENABLE pin 1\r\n");
            assertEquals(0, firmwareWaits.get(), "22 bytes fit the 128-byte FIFO: the firmware goes on at once");
            console.line().drain();
            assertEquals(LineSettings.CONSOLE.wireTime(22), board.elapsed(), "the transmitter took the wire time behind it");
        }
    }
}
