package org.mepkit.flasher.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.mepkit.cli.option.OutputOptions;
import org.mepkit.esptool.EsptoolEvent;

/**
 * Shows esptool's events: a redrawn progress bar on a terminal, one line per milestone when piped,
 * or one JSON object per event with {@code --json}.
 */
final class ProgressPrinter implements Consumer<EsptoolEvent> {

    private final PrintWriter out;
    private final boolean json;
    private final boolean terminal;
    /** The board's port when several boards print at once ({@code --batch}), else null. */
    private final String port;

    ProgressPrinter(PrintWriter out, boolean json, boolean terminal) {
        this(out, json, terminal, null);
    }

    private ProgressPrinter(PrintWriter out, boolean json, boolean terminal, String port) {
        this.out = out;
        this.json = json;
        this.terminal = terminal;
        this.port = port;
    }

    /** The same output for one of several boards flashed at once: lines prefixed with its port, no redrawn bar. */
    ProgressPrinter forBoard(String boardPort) {
        return new ProgressPrinter(out, json, false, boardPort);
    }

    @Override
    public void accept(EsptoolEvent e) {
        if (json) {
            Map<String, Object> m = toJson(e);
            if (port != null) m.put("port", port);
            OutputOptions.printJson(out, m);
            return;
        }
        if (e instanceof EsptoolEvent.Progress p) {
            if (terminal) {
                int bars = (int) Math.round(p.percent() * 30 / 100);
                out.printf("\r  writing at 0x%08x [%-30s] %5.1f%%", p.address(), "=".repeat(bars), p.percent());
                if (p.percent() >= 100) out.println();
                out.flush();
            }
        } else if (e instanceof EsptoolEvent.Connecting) {
            println("connecting to the ROM loader...");
        } else if (e instanceof EsptoolEvent.ChipDetected c) {
            println("chip: " + c.description());
        } else if (e instanceof EsptoolEvent.Mac m) {
            println("MAC: " + m.mac());
        } else if (e instanceof EsptoolEvent.Written w) {
            println(String.format("wrote %d bytes at 0x%08x in %.1f s", w.bytes(), w.address(), w.seconds()));
        } else if (e instanceof EsptoolEvent.HashVerified) {
            println("  verified");
        } else if (e instanceof EsptoolEvent.Warning w) {
            println("esptool: " + w.text());
        }
    }

    private void println(String line) {
        out.println(port == null ? line : "[" + port + "] " + line);
        out.flush();
    }

    static Map<String, Object> toJson(EsptoolEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT));
        if (e instanceof EsptoolEvent.Progress p) {
            m.put("address", p.address());
            m.put("percent", p.percent());
            if (p.total() >= 0) {
                m.put("sent", p.sent());
                m.put("total", p.total());
            }
        } else if (e instanceof EsptoolEvent.Written w) {
            m.put("bytes", w.bytes());
            if (w.compressed() >= 0) m.put("compressed", w.compressed());
            m.put("address", w.address());
            m.put("seconds", w.seconds());
            if (w.kbitPerSecond() >= 0) m.put("kbit_s", w.kbitPerSecond());
        } else if (e instanceof EsptoolEvent.Mac mac) {
            m.put("mac", mac.mac());
        } else if (e instanceof EsptoolEvent.ChipDetected c) {
            m.put("chip", c.description());
        } else if (e instanceof EsptoolEvent.Banner b) {
            m.put("version", b.version().toString());
        } else if (e instanceof EsptoolEvent.EraseRange r) {
            m.put("from", r.from());
            m.put("to", r.to());
        } else if (e instanceof EsptoolEvent.Reset r) {
            m.put("line", r.line());
        } else if (e instanceof EsptoolEvent.Warning w) {
            m.put("text", w.text());
        } else if (e instanceof EsptoolEvent.Fatal f) {
            m.put("message", f.message());
        }
        return m;
    }
}
