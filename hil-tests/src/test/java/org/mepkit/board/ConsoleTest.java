package org.mepkit.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTest {

    @TempDir
    Path dir;

    @Test
    void everythingPrintedIsInTheTranscriptWithTheBoardTimeEachLineWasCompleted() throws Exception {
        AtomicLong now = new AtomicLong(5);
        try (Console console = Console.open(dir.resolve("console"), now::get)) {
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
        Console console = Console.open(link, () -> 0L);
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(Path.of(console.path()), Files.readSymbolicLink(link));
        assertFalse(console.hostConnected(), "no host has opened the console yet");
        console.close();
        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }
}
