package org.mepkit.cli.progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Whether stderr is a terminal, and how wide it is. {@code MEP_PROGRESS=terminal|plain|off} (or
 * the system property {@code mep.progress}: the build sets it to {@code off} for the tests, whose
 * captured stderr must stay exact) overrides the detection; {@code TERM=dumb} means plain lines.
 */
public final class Terminal {

    private Terminal() {
    }

    public static Progress.Mode progressMode() {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        String property = System.getProperty("mep.progress");
        if (property != null) env.putIfAbsent("MEP_PROGRESS", property);
        return progressMode(env, stderrIsTerminal());
    }

    static Progress.Mode progressMode(Map<String, String> env, boolean stderrIsTerminal) {
        String forced = env.get("MEP_PROGRESS");
        if (forced != null) {
            switch (forced.toLowerCase(Locale.ROOT)) {
                case "terminal", "tty" -> { return Progress.Mode.TERMINAL; }
                case "plain" -> { return Progress.Mode.PLAIN; }
                case "off", "0", "no" -> { return Progress.Mode.OFF; }
                default -> { }
            }
        }
        if (!stderrIsTerminal || "dumb".equals(env.get("TERM"))) return Progress.Mode.PLAIN;
        return Progress.Mode.TERMINAL;
    }

    /** Linux: fd 2 links to a tty or pty device. Elsewhere: whether Java sees a console. */
    static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    /** {@code COLUMNS} when the shell exports it, else 80. */
    public static int columns() {
        try {
            String c = System.getenv("COLUMNS");
            return c == null ? 80 : Integer.parseInt(c.strip());
        } catch (NumberFormatException e) {
            return 80;
        }
    }
}
