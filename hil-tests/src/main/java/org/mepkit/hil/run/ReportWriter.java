package org.mepkit.hil.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jsoup.nodes.Element;
import org.mepkit.bench.ConsoleMonitor;
import org.mepkit.report.HtmlPage;
import org.mepkit.report.ReportInfo;
import org.mepkit.report.SvgCharts;

/**
 * The HTML report of suite runs: the report's identity, one section per board (a farm has several), a result
 * table, and per test its notes, redacted console log and, when the log shows a power cycle, a recovery
 * timeline (MAX3232 VCC, ENABLE and MEP transmissions over board time). The JUnit XML is written during the
 * run ({@link SuiteRunner#run(org.mepkit.bench.BenchFactory, List, java.io.PrintWriter, Path)}).
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    public static void html(SuiteResult r, Path file) throws IOException {
        html(List.of(r), r.info(), file);
    }

    /** One page for several boards' runs (each its own section); {@code info} names the page as a whole. */
    public static void html(List<SuiteResult> boards, ReportInfo info, Path file) throws IOException {
        HtmlPage page = HtmlPage.titled("mep bench", info);
        for (SuiteResult r : boards) section(page, r, boards.size() > 1);
        page.write(file);
    }

    private static void section(HtmlPage page, SuiteResult r, boolean several) {
        Element body = page.body();
        if (several) body.appendElement("h2").text(r.bench());
        else page.paragraph("Bench: " + r.bench());
        if (r.interrupted()) {
            page.banner("interrupted", "INTERRUPTED (Ctrl-C): " + r.summaryLine()
                    + ". The tests that finished are reported as they ended; the others are marked interrupted.");
        } else {
            page.banner(r.passed() ? "passed" : "failed", r.summaryLine());
        }
        if (r.count(TestOutcome.Status.KNOWN_DEFECT) > 0) {
            page.paragraph("A known defect is a failure the firmware under test is documented to have (the upstream "
                    + "firmware as it is): not a regression, and it does not fail the run.");
        }
        page.paragraph("Secrets the board prints (Wi-Fi, user and MQTT passwords, the MEP key) are replaced by *** in the logs below.");
        String prefix = "b" + Integer.toHexString(r.bench().hashCode()) + "-";
        Element table = page.table(List.of("group", "test", "result", "wall ms", "notes / message"));
        int i = 0;
        for (TestOutcome t : r.tests()) {
            Element tr = table.appendElement("tr");
            tr.appendElement("td").text(t.group());
            tr.appendElement("td").appendElement("a").attr("href", "#" + prefix + i++).text(t.name());
            tr.appendElement("td").addClass(t.status().name()).text(t.status().label());
            tr.appendElement("td").text(String.valueOf(t.wallMillis()));
            tr.appendElement("td").text(String.join("; ", t.notes()) + (t.message().isEmpty() ? "" : " " + t.message()));
        }
        i = 0;
        for (TestOutcome t : r.tests()) {
            body.appendElement(several ? "h3" : "h2").attr("id", prefix + i++).text(t.group() + ": " + t.name());
            if (t.status() != TestOutcome.Status.PASSED) {
                body.appendElement("p").appendElement("span").addClass(t.status().name())
                        .text(t.status().label() + (t.message().isEmpty() ? "" : ": " + t.message()));
            }
            String svg = timeline(t.console());
            if (svg != null) HtmlPage.svgImage(body, svg, "recovery timeline of " + t.name());
            if (!t.console().isEmpty()) {
                Element details = body.appendElement("details");
                details.appendElement("summary").text("console (" + t.console().size() + " lines)");
                details.appendElement("pre").text(consoleText(t.console()));
            }
        }
    }

    /**
     * A step chart of the MAX3232's VCC and ENABLE with a mark per MEP transmission, over board time, or null
     * when the log has no power cycle.
     */
    public static String timeline(List<ConsoleMonitor.Line> lines) {
        if (lines.stream().noneMatch(l -> l.text().equals("Setting ENABLE pin 0"))) return null;
        long t0 = lines.get(0).atMillis();
        double end = (lines.get(lines.size() - 1).atMillis() - t0) / 1000.0;
        XYSeries vcc = new XYSeries("MAX3232 VCC");
        XYSeries enable = new XYSeries("ENABLE");
        XYSeries tx = new XYSeries("MEP request sent");
        vcc.add(0, 0);
        enable.add(0, 0);
        for (ConsoleMonitor.Line l : lines) {
            double s = (l.atMillis() - t0) / 1000.0;
            switch (l.text()) {
                case "Setting RS3232 pin 1" -> vcc.add(s, 1);
                case "Setting RS3232 pin 0" -> vcc.add(s, 0);
                case "Setting ENABLE pin 1" -> enable.add(s, 1);
                case "Setting ENABLE pin 0" -> enable.add(s, 0);
                default -> {
                    if (l.text().startsWith("Transmitting request")) tx.add(s, 0);
                }
            }
        }
        vcc.add(end, vcc.getY(vcc.getItemCount() - 1));
        enable.add(end, enable.getY(enable.getItemCount() - 1));
        NumberAxis time = new NumberAxis("board time (s)");
        time.setRange(0, Math.max(0.001, end));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(6);
        plot.add(stepPlot(vcc, "MAX3232 VCC", new Color(0xcc6600)), 2);
        plot.add(stepPlot(enable, "ENABLE", new Color(0x336699)), 2);
        XYLineAndShapeRenderer marks = new XYLineAndShapeRenderer(false, true);
        marks.setSeriesPaint(0, new Color(0x0066cc));
        marks.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-1, -6, 2, 12));
        XYPlot txPlot = new XYPlot(new XYSeriesCollection(tx), null, SvgCharts.symbolAxis("TX", "request"), marks);
        plot.add(txPlot, 1);
        plot.getSubplots().forEach(p -> SvgCharts.style((XYPlot) p));
        SvgCharts.style(plot);
        JFreeChart chart = new JFreeChart("Recovery timeline (board time)", SvgCharts.TITLE, plot, true);
        return SvgCharts.svg(SvgCharts.styled(chart), 1000, 330);
    }

    private static XYPlot stepPlot(XYSeries series, String label, Color colour) {
        XYStepRenderer r = new XYStepRenderer();
        r.setSeriesPaint(0, colour);
        r.setSeriesStroke(0, new BasicStroke(2f));
        return new XYPlot(new XYSeriesCollection(series), null, SvgCharts.symbolAxis(label, "off", "on"), r);
    }

    static String consoleText(List<ConsoleMonitor.Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (ConsoleMonitor.Line l : lines) sb.append(String.format(Locale.ROOT, "[%8d] %s%n", l.atMillis(), l.text()));
        return sb.toString();
    }
}
