package org.mepkit.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mepkit.board.firmware.FirmwarePanic;

/**
 * What the ESP-IDF 4.4 panic handler of the Arduino core prints before it restarts the chip (the restart shows
 * {@code rst:0xc (SW_CPU_RESET)} in the next ROM banner): a {@code Guru Meditation Error} line for a CPU exception,
 * or {@code abort() was called} for an abort, then a register dump, a backtrace, the ELF hash and
 * {@code Rebooting...}. A firmware model's {@link FirmwarePanic} becomes the first kind; any other error escaping a
 * model (a bug of the twin itself) the second, with one extra line naming it, so a dead model is never silent.
 * Register values and addresses are placeholders: nothing reads them.
 */
final class PanicHandler {

    private PanicHandler() {
    }

    static List<String> lines(Throwable t) {
        List<String> out = new ArrayList<>();
        if (t instanceof FirmwarePanic p) {
            out.add("Guru Meditation Error: Core  1 panic'ed (" + p.exception() + "). Exception was unhandled.");
            out.add("");
            out.add("Core  1 register dump:");
            out.add("PC      : 0x4008b1a6  PS      : 0x00060e30  A0      : 0x800d2f4d  A1      : 0x3ffb1f40  ");
            out.add("A2      : 0x3ffc1a64  A3      : 0x3ffc1a5e  A4      : 0xfffffffe  A5      : 0x3ffc1c64  ");
            out.add("EXCCAUSE: 0x0000001d  EXCVADDR: 0x40000000  LBEG    : 0x4008b1a0  LEND    : 0x4008b1c3  ");
        } else {
            out.add(String.format(Locale.ROOT, "mepkit twin: uncaught %s in the firmware model: %s", t.getClass().getName(),
                    String.valueOf(t.getMessage()).lines().findFirst().orElse("")));
            out.add("");
            out.add("abort() was called at PC 0x400d2f4a on core 1");
        }
        out.add("");
        out.add("");
        out.add("Backtrace: 0x4008b1a3:0x3ffb1f40 0x400d2f4a:0x3ffb1f60 0x400d7c1d:0x3ffb1f90 0x400d9f6e:0x3ffb1fb0");
        out.add("");
        out.add("");
        out.add("ELF file SHA256: 0000000000000000");
        out.add("");
        out.add("Rebooting...");
        return out;
    }

    /** Whether a console line is the first line of a panic (either kind). */
    static boolean isPanicLine(String line) {
        return line.startsWith("Guru Meditation Error: ") || line.startsWith("abort() was called at PC ");
    }
}
