package org.mepkit.bootlog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.mepkit.report.Redactor;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.Deadline;
import org.mepkit.time.Ticker;

/**
 * Captures the console after flashing, for at most {@code limit}: stops early once the firmware
 * has finished starting or shows a crash sign. The log is redacted before it leaves this class,
 * so secrets never reach a file or the screen.
 */
public final class BootLogCapture {

    /** The redacted log, how long capture ran, and whether it hit the limit. */
    public record BootLog(String text, Duration took, boolean hitLimit, BootLogCheck.Result result) {
    }

    private static final Duration POLL = Duration.ofMillis(100);
    /** Bytes kept at most (the firmware prints a few KiB at boot). */
    static final int MAX_BYTES = 256 * 1024;

    private final Ticker ticker;
    private final Redactor redactor;

    public BootLogCapture(Ticker ticker, Redactor redactor) {
        this.ticker = ticker;
        this.redactor = redactor;
    }

    public BootLog capture(SerialLine line, Duration limit) throws SerialException {
        long start = ticker.nanoTime();
        Deadline deadline = ticker.deadlineAfter(limit);
        StringBuilder text = new StringBuilder();
        byte[] buf = new byte[1024];
        boolean hitLimit = true;
        while (!deadline.expired() && text.length() < MAX_BYTES) {
            Duration wait = deadline.remaining().compareTo(POLL) < 0 ? deadline.remaining() : POLL;
            int n = line.read(buf, 0, buf.length, wait);
            if (n > 0) {
                text.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                if (BootLogCheck.finished(text.toString())) {
                    hitLimit = false;
                    drainRestOfLine(line, text, buf);
                    break;
                }
            }
        }
        String redacted = redactor.redact(text.toString());
        return new BootLog(redacted, Duration.ofNanos(ticker.nanoTime() - start), hitLimit, BootLogCheck.check(redacted));
    }

    /** Reads whatever follows immediately (up to a short pause) so the last line is complete. */
    private static void drainRestOfLine(SerialLine line, StringBuilder text, byte[] buf) throws SerialException {
        int n;
        while ((n = line.read(buf, 0, buf.length, Duration.ofMillis(50))) > 0 && text.length() < MAX_BYTES) {
            text.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
    }
}
