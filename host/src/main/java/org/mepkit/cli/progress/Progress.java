package org.mepkit.cli.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

import org.mepkit.time.SystemTicker;
import org.mepkit.time.Ticker;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Progress of long work, on stderr so stdout stays clean for results and {@code --json}. On a
 * terminal it is one status line rewritten in place; piped, it is plain lines, at most one status
 * per {@link #PIPED_EVERY} (the first at once), so a log shows the work moving without flooding.
 * {@link #note} lines are always printed. Every status ends with the elapsed time.
 *
 * <pre>{@code
 * try (Progress p = Progress.stderr(spec, "diagnose")) {
 *     for (...) p.update(i, max, "haywire " + h);
 *     p.note("board v2.00: done");
 * }
 * }</pre>
 */
public final class Progress implements AutoCloseable {

    /** How often a piped status line is printed at most. */
    public static final Duration PIPED_EVERY = Duration.ofSeconds(5);

    /** Prints nothing: for commands whose progress would garble their output. */
    public static final Progress OFF = new Progress(null, "", Mode.OFF, SystemTicker.INSTANCE, 80);

    public enum Mode { TERMINAL, PLAIN, OFF }

    private final PrintWriter err;
    private final String task;
    private final Mode mode;
    private final Ticker ticker;
    private final int width;
    private final long start;
    private long lastPlain = Long.MIN_VALUE;
    private boolean lineOpen;

    /**
     * @param err   where progress goes (stderr)
     * @param task  a short prefix naming the work, e.g. {@code "perf poll"}
     * @param width the terminal's width: an in-place line longer than this would wrap and stop being in place
     */
    public Progress(PrintWriter err, String task, Mode mode, Ticker ticker, int width) {
        this.err = err;
        this.task = task;
        this.mode = mode;
        this.ticker = ticker;
        this.width = Math.max(20, width);
        this.start = ticker.nanoTime();
    }

    /** Progress on the command's stderr, in the mode {@link Terminal#progressMode()} detects. */
    public static Progress stderr(CommandSpec spec, String task) {
        return new Progress(spec.commandLine().getErr(), task, Terminal.progressMode(), SystemTicker.INSTANCE, Terminal.columns());
    }

    /** The current status, replacing the previous one. */
    public synchronized void update(String status) {
        if (mode == Mode.OFF) return;
        String line = task + ": " + status + " (" + elapsed() + ")";
        if (mode == Mode.TERMINAL) {
            if (line.length() > width - 1) line = line.substring(0, width - 2) + "~";
            err.print("\r" + line + "\033[K");
            lineOpen = true;
            err.flush();
            return;
        }
        long now = ticker.nanoTime();
        if (lastPlain != Long.MIN_VALUE && now - lastPlain < PIPED_EVERY.toNanos()) return;
        lastPlain = now;
        err.println(line);
        err.flush();
    }

    /** A status with a bar on a terminal, {@code done/total} piped. */
    public void update(long done, long total, String detail) {
        String count = done + "/" + total;
        String text = mode == Mode.TERMINAL ? bar(done, total, 20) + " " + count : count;
        update(detail == null || detail.isEmpty() ? text : text + ", " + detail);
    }

    /** A line that stays (a finished step, a warning), printed in every mode but OFF. */
    public synchronized void note(String line) {
        if (mode == Mode.OFF) return;
        clearLine();
        err.println(task + ": " + line);
        err.flush();
    }

    /** Removes the in-place line, so what follows starts on a clean line. */
    @Override
    public synchronized void close() {
        if (mode == Mode.OFF) return;
        clearLine();
        err.flush();
    }

    private void clearLine() {
        if (lineOpen) {
            err.print("\r\033[K");
            lineOpen = false;
        }
    }

    /** {@code [#####.....]}: {@code done} of {@code total} in {@code width} cells. */
    public static String bar(long done, long total, int width) {
        int filled = total <= 0 ? 0 : (int) (Math.min(done, total) * width / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    /** Elapsed time since this progress began: {@code 4.2 s}, {@code 2 min 05 s}. */
    String elapsed() {
        long ms = (ticker.nanoTime() - start) / 1_000_000;
        if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        return String.format(Locale.ROOT, "%d min %02d s", ms / 60_000, (ms / 1000) % 60);
    }
}
