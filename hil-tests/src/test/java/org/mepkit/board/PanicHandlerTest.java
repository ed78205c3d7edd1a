package org.mepkit.board;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mepkit.board.firmware.FirmwarePanic;

/** A crashing model prints what an ESP32's panic handler prints; an error of the twin itself does too, never nothing. */
class PanicHandlerTest {

    @Test
    void aModelledCrashIsAGuruMeditationEndingInRebooting() {
        List<String> lines = PanicHandler.lines(new FirmwarePanic("StoreProhibited", "NES-MEP-UI.ino:343", "wrapped memcpy"));
        assertEquals("Guru Meditation Error: Core  1 panic'ed (StoreProhibited). Exception was unhandled.", lines.get(0));
        assertTrue(lines.contains("Core  1 register dump:"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Backtrace: 0x")));
        assertEquals("Rebooting...", lines.get(lines.size() - 1));
        assertTrue(PanicHandler.isPanicLine(lines.get(0)));
    }

    @Test
    void anUncaughtErrorOfTheTwinIsAnAbortNamingIt() {
        List<String> lines = PanicHandler.lines(new IllegalStateException("ring index -1"));
        assertEquals("mepkit twin: uncaught java.lang.IllegalStateException in the firmware model: ring index -1", lines.get(0));
        assertTrue(lines.contains("abort() was called at PC 0x400d2f4a on core 1"));
        assertEquals("Rebooting...", lines.get(lines.size() - 1));
    }
}
