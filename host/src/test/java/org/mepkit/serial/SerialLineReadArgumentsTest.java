package org.mepkit.serial;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The argument contract every {@link SerialLine#read} checks before touching the line. */
class SerialLineReadArgumentsTest {

    final byte[] buffer = new byte[8];

    @Test
    void aRangeInsideTheBufferAndAZeroOrPositiveTimeoutPass() {
        assertDoesNotThrow(() -> SerialLine.checkReadArguments(buffer, 0, 8, Duration.ZERO));
        assertDoesNotThrow(() -> SerialLine.checkReadArguments(buffer, 8, 0, Duration.ofSeconds(1)));
    }

    @Test
    void aRangeOutsideTheBufferIsRejected() {
        assertThrows(IndexOutOfBoundsException.class, () -> SerialLine.checkReadArguments(buffer, 4, 5, Duration.ZERO));
        assertThrows(IndexOutOfBoundsException.class, () -> SerialLine.checkReadArguments(buffer, -1, 1, Duration.ZERO));
    }

    @Test
    void aNegativeTimeoutIsRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SerialLine.checkReadArguments(buffer, 0, 1, Duration.ofMillis(-1)));
        assertTrue(e.getMessage().contains("negative timeout"), e.getMessage());
    }
}
