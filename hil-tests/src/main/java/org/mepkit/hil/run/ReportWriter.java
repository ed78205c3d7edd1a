package org.mepkit.hil.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mepkit.bench.ConsoleMonitor;

/**
 * Writes a suite run as JUnit XML (one testsuite per group, for CI) and a self-contained HTML
 * report: per-test timings, the redacted console logs, and a recovery timeline (MAX3232 power,
 * ENABLE and transmissions over board time) for every test whose log shows pin changes.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    public static void junitXml(SuiteResult r, Path file) throws IOException {
        Map<String, List<TestOutcome>> groups = byGroup(r);
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"mep bench\" tests=\"").append(r.tests().size()).append("\" failures=\"")
                .append(r.count(TestOutcome.Status.FAILED)).append("\" skipped=\"")
                .append(r.count(TestOutcome.Status.SKIPPED) + r.count(TestOutcome.Status.KNOWN_DEFECT))
                .append("\" time=\"").append(secs(r.wallMillis())).append("\">\n");
        for (Map.Entry<String, List<TestOutcome>> g : groups.entrySet()) {
            List<TestOutcome> ts = g.getValue();
            x.append("  <testsuite name=\"hil.").append(esc(g.getKey())).append("\" tests=\"").append(ts.size())
                    .append("\" failures=\"").append(ts.stream().filter(t -> t.status() == TestOutcome.Status.FAILED).count())
                    .append("\" skipped=\"").append(ts.stream().filter(t -> t.status() == TestOutcome.Status.SKIPPED
                            || t.status() == TestOutcome.Status.KNOWN_DEFECT).count())
                    .append("\" time=\"").append(secs(ts.stream().mapToLong(TestOutcome::wallMillis).sum())).append("\">\n");
            x.append("    <properties><property name=\"bench\" value=\"").append(esc(r.bench())).append("\"/></properties>\n");
            for (TestOutcome t : ts) {
                x.append("    <testcase classname=\"hil.").append(esc(t.group())).append("\" name=\"").append(esc(t.name()))
                        .append("\" time=\"").append(secs(t.wallMillis())).append("\">");
                switch (t.status()) {
                    case FAILED -> x.append("<failure message=\"").append(esc(t.message())).append("\"/>");
                    // not a failure of the run, and never silent: a skipped case typed known-defect, its message says which
                    case KNOWN_DEFECT -> x.append("<skipped type=\"known-defect\" message=\"").append(esc(t.message())).append("\"/>");
                    case SKIPPED -> x.append("<skipped message=\"").append(esc(t.message())).append("\"/>");
                    default -> {
                    }
                }
                if (!t.console().isEmpty()) {
                    x.append("<system-out>").append(esc(consoleText(t.console()))).append("</system-out>");
                }
                x.append("</testcase>\n");
            }
            x.append("  </testsuite>\n");
        }
        x.append("</testsuites>\n");
        Files.writeString(file, x.toString(), StandardCharsets.UTF_8);
    }

    public static void html(SuiteResult r, Path file) throws IOException {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>mep bench report</title><style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}.PASSED{color:#080}.FAILED{color:#c00;font-weight:bold}")
                .append(".KNOWN_DEFECT{color:#b60;font-weight:bold}.SKIPPED{color:#888}pre{background:#f6f6f6;padding:6px;max-height:300px;overflow:auto;font-size:12px}")
                .append("</style></head><body>");
        h.append("<h1>mep bench</h1><p>Bench: ").append(esc(r.bench())).append("<br>Result: <b>")
                .append(esc(r.summaryLine())).append("</b></p>");
        h.append("<p>Secrets the board prints (Wi-Fi, user and MQTT passwords, the MEP key) are replaced by <code>***</code> in the logs below.</p>");
        h.append("<table><tr><th>group</th><th>test</th><th>result</th><th>wall ms</th><th>notes / message</th></tr>");
        int i = 0;
        for (TestOutcome t : r.tests()) {
            h.append("<tr><td>").append(esc(t.group())).append("</td><td><a href=\"#t").append(i++).append("\">")
                    .append(esc(t.name())).append("</a></td><td class=\"").append(t.status()).append("\">").append(t.status() == TestOutcome.Status.KNOWN_DEFECT ? "KNOWN DEFECT" : t.status())
                    .append("</td><td>").append(t.wallMillis()).append("</td><td>")
                    .append(esc(String.join("; ", t.notes()))).append(t.message().isEmpty() ? "" : " " + esc(t.message()))
                    .append("</td></tr>");
        }
        h.append("</table>");
        i = 0;
        for (TestOutcome t : r.tests()) {
            h.append("<h2 id=\"t").append(i++).append("\">").append(esc(t.group())).append(": ").append(esc(t.name()))
                    .append("</h2>");
            String svg = timeline(t.console());
            if (svg != null) h.append("<h3>Recovery timeline (board time)</h3>").append(svg);
            if (!t.console().isEmpty()) {
                h.append("<details><summary>console (").append(t.console().size()).append(" lines)</summary><pre>")
                        .append(esc(consoleText(t.console()))).append("</pre></details>");
            }
        }
        h.append("</body></html>\n");
        Files.writeString(file, h.toString(), StandardCharsets.UTF_8);
    }

    /** An SVG step plot of MAX3232 power and ENABLE with transmission ticks, or null when the log has no power cycle. */
    static String timeline(List<ConsoleMonitor.Line> lines) {
        if (lines.stream().noneMatch(l -> l.text().equals("Setting ENABLE pin 0"))) return null;
        long t0 = lines.get(0).atMillis();
        long t1 = lines.get(lines.size() - 1).atMillis();
        double span = Math.max(1, t1 - t0);
        int w = 1000;
        List<long[]> max = new ArrayList<>();
        List<long[]> en = new ArrayList<>();
        List<Long> tx = new ArrayList<>();
        for (ConsoleMonitor.Line l : lines) {
            switch (l.text()) {
                case "Setting RS3232 pin 1" -> max.add(new long[] {l.atMillis(), 1});
                case "Setting RS3232 pin 0" -> max.add(new long[] {l.atMillis(), 0});
                case "Setting ENABLE pin 1" -> en.add(new long[] {l.atMillis(), 1});
                case "Setting ENABLE pin 0" -> en.add(new long[] {l.atMillis(), 0});
                default -> {
                    if (l.text().startsWith("Transmitting request")) tx.add(l.atMillis());
                }
            }
        }
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (w + 120)
                + "\" height=\"150\" font-size=\"11\">");
        s.append(step("MAX3232", max, t0, t1, span, w, 20));
        s.append(step("ENABLE", en, t0, t1, span, w, 65));
        s.append("<text x=\"0\" y=\"125\">TX</text>");
        for (long t : tx) {
            double x = 110 + (t - t0) / span * w;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"112\" x2=\"%.1f\" y2=\"128\" stroke=\"#06c\"/>", x, x));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"110\" y=\"145\">0 ms</text><text x=\"%d\" y=\"145\">%d ms</text>",
                w + 60, t1 - t0));
        return s.append("</svg>").toString();
    }

    private static String step(String label, List<long[]> points, long t0, long t1, double span, int w, int y) {
        StringBuilder p = new StringBuilder();
        int level = 0;
        double x = 110;
        p.append(String.format(Locale.ROOT, "M%.1f,%d", x, y + 30));
        for (long[] pt : points) {
            double nx = 110 + (pt[0] - t0) / span * w;
            p.append(String.format(Locale.ROOT, " L%.1f,%d L%.1f,%d", nx, y + (level == 1 ? 0 : 30), nx, y + (pt[1] == 1 ? 0 : 30)));
            level = (int) pt[1];
        }
        p.append(String.format(Locale.ROOT, " L%.1f,%d", 110.0 + w, y + (level == 1 ? 0 : 30)));
        return "<text x=\"0\" y=\"" + (y + 20) + "\">" + label + "</text><path d=\"" + p
                + "\" fill=\"none\" stroke=\"#c60\" stroke-width=\"2\"/>";
    }

    private static Map<String, List<TestOutcome>> byGroup(SuiteResult r) {
        Map<String, List<TestOutcome>> m = new LinkedHashMap<>();
        for (TestOutcome t : r.tests()) m.computeIfAbsent(t.group(), k -> new ArrayList<>()).add(t);
        return m;
    }

    private static String consoleText(List<ConsoleMonitor.Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (ConsoleMonitor.Line l : lines) sb.append(String.format(Locale.ROOT, "[%8d] %s%n", l.atMillis(), l.text()));
        return sb.toString();
    }

    private static String secs(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') sb.append("\\x").append(String.format("%02X", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.toString();
    }
}
