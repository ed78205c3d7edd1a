package org.mepkit.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shared part of the line implementations: identity, settings, and read's checks before the line's own read. */
class AbstractSerialLineTest {

    static final class CountingLine extends AbstractSerialLine {
        int reads;

        CountingLine() {
            super("test:line", LineSettings.MEP);
        }

        @Override
        protected int readChecked(byte[] buffer, int offset, int len, Duration timeout) {
            reads++;
            return len;
        }

        @Override
        public void write(byte[] data, int offset, int len) {
        }

        @Override
        public void drain() {
        }

        @Override
        public void discardInput() {
        }

        @Override
        public void close() {
        }
    }

    final CountingLine line = new CountingLine();

    @Test
    void itKeepsItsNameAndSettings() {
        assertEquals("test:line", line.name());
        assertEquals(LineSettings.MEP, line.settings());
    }

    @Test
    void validArgumentsReachTheLinesOwnRead() throws Exception {
        assertEquals(3, line.read(new byte[4], 1, 3, Duration.ZERO));
        assertEquals(1, line.reads);
    }

    @Test
    void invalidArgumentsNeverReachIt() {
        assertThrows(IndexOutOfBoundsException.class, () -> line.read(new byte[4], 2, 3, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> line.read(new byte[4], 0, 1, Duration.ofMillis(-5)));
        assertEquals(0, line.reads);
    }
}
