package org.mepkit.diag;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mepkit.report.HtmlPage;
import org.mepkit.report.ReportInfo;
import org.mepkit.report.SvgCharts;

/** Renders a {@link ChipDiagnosis.Result} as JSON-ready maps, a chart of the trials (SVG) and an HTML page. */
public final class DiagnosisReport {

    private DiagnosisReport() {
    }

    public static Map<String, Object> json(ChipDiagnosis.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("jig", r.jig());
        m.put("verdict", r.verdict() == null ? null : r.verdict().name());
        m.put("advice", r.verdict() == null ? null : r.verdict().advice());
        m.put("converged", r.converged());
        m.put("confidence", r.confidence());
        m.put("trials_done", r.trials().size());
        m.put("haywire", r.haywire());
        m.put("haywire_rate", r.trials().isEmpty() ? null : round(r.haywireRate()));
        m.put("haywire_ci95", List.of(round(r.haywireInterval().lower()), round(r.haywireInterval().upper())));
        m.put("time_to_first_good_s", r.firstGoodNanos() < 0 ? null : round(r.firstGoodNanos() / 1e9));
        Map<String, Object> post = new LinkedHashMap<>();
        r.posterior().forEach((v, p) -> post.put(v.name(), round(p)));
        m.put("posterior", post);
        m.put("aborted_by", r.abortedBy());
        List<Map<String, Object>> trials = new ArrayList<>();
        for (Trial t : r.trials()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("index", t.index());
            tm.put("outcome", t.outcome().name());
            tm.put("bytes_sent", t.bytesSent());
            tm.put("bytes_received", t.bytesReceived());
            tm.put("byte_errors", t.byteErrors());
            tm.put("bit_errors", t.bitErrors() < 0 ? null : t.bitErrors());
            tm.put("start_s", round(t.startNanos() / 1e9));
            tm.put("good_after_s", t.goodAfterNanos() < 0 ? null : round(t.goodAfterNanos() / 1e9));
            trials.add(tm);
        }
        m.put("trials", trials);
        return m;
    }

    /**
     * The trials as a chart: the running haywire rate with its 95 % Wilson band (left axis, per cent) and every
     * trial's outcome as a mark (right axis), over the power-up number.
     */
    public static String svg(ChipDiagnosis.Result r) {
        YIntervalSeries rate = new YIntervalSeries("haywire rate so far (band: 95 % Wilson interval)");
        XYSeriesCollection marks = new XYSeriesCollection();
        java.util.Map<TrialOutcome, XYSeries> byOutcome = new java.util.EnumMap<>(TrialOutcome.class);
        for (TrialOutcome o : TrialOutcome.values()) {
            byOutcome.put(o, new XYSeries(o.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        }
        int haywire = 0;
        for (int i = 0; i < r.trials().size(); i++) {
            Trial t = r.trials().get(i);
            if (t.outcome().haywire()) haywire++;
            WilsonInterval ci = WilsonInterval.of95(haywire, i + 1);
            rate.add(t.index(), 100.0 * haywire / (i + 1), 100 * ci.lower(), 100 * ci.upper());
            byOutcome.get(t.outcome()).add(t.index(), t.outcome().ordinal());
        }
        byOutcome.values().forEach(marks::addSeries);
        YIntervalSeriesCollection rates = new YIntervalSeriesCollection();
        rates.addSeries(rate);

        NumberAxis x = SvgCharts.integerAxis("power-up (trial number)");
        x.setRange(0.5, Math.max(1, r.trials().size()) + 0.5);
        NumberAxis y = new NumberAxis("haywire rate (%)");
        y.setRange(0, 100);
        DeviationRenderer band = new DeviationRenderer(true, false);
        band.setSeriesPaint(0, new Color(0x003366));
        band.setSeriesFillPaint(0, new Color(0x99ccff));
        band.setSeriesStroke(0, new BasicStroke(2f));
        band.setAlpha(0.5f);
        XYPlot plot = new XYPlot(rates, x, y, band);
        plot.setRangeAxis(1, SvgCharts.symbolAxis("outcome of each trial", "good", "bit errors", "garbage", "silent"));
        plot.setDataset(1, marks);
        plot.mapDatasetToRangeAxis(1, 1);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        Color[] colours = {new Color(0x22aa22), new Color(0xee9900), new Color(0xdd2222), new Color(0x999999)};
        for (int i = 0; i < colours.length; i++) {
            dots.setSeriesPaint(i, colours[i]);
            dots.setSeriesShape(i, new java.awt.geom.Rectangle2D.Double(-3, -3, 6, 6));
        }
        plot.setRenderer(1, dots);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD); // the marks over the band
        String title = "MAX3232 trials: " + (r.verdict() == null ? "no trial done" : r.verdict().name());
        JFreeChart chart = new JFreeChart(title, SvgCharts.TITLE, plot, true);
        chart.addSubtitle(new TextTitle(r.jig(), SvgCharts.TICK));
        return SvgCharts.svg(SvgCharts.styled(chart), 760, 400);
    }

    /**
     * The diagnosis page. {@code withheld}, when not null, says why the trials say nothing about the chip (the
     * firmware never ran, so the link could not come up whatever the chip): the page then gives no chip verdict.
     */
    public static String html(ChipDiagnosis.Result r, ReportInfo info, String svgFile, String withheld) {
        String headline = withheld != null ? "no MAX3232 verdict"
                : r.verdict() == null ? "no verdict" : r.verdict().name();
        HtmlPage page = HtmlPage.titled("MAX3232 diagnosis: " + headline, info);
        page.paragraph(r.jig());
        if (r.fault() == ChipDiagnosis.Fault.INTERRUPTED) {
            page.banner("interrupted", "Interrupted (Ctrl-C) after " + r.trials().size()
                    + " trial(s): the figures below are those of the trials done.");
        } else if (r.abortedBy() != null) {
            page.banner("failed", "Cut short after " + r.trials().size() + " trial(s): " + r.abortedBy());
        }
        if (withheld != null) {
            page.banner("unknown", withheld);
        } else if (r.verdict() != null) {
            page.banner(r.verdict().usable() ? "passed" : "failed", r.verdict().name() + ": " + r.verdict().advice());
        }
        page.paragraph(String.format(Locale.ROOT, "%d trials, %d haywire: rate %s, 95 %% interval %.1f–%.1f %%; %s",
                r.trials().size(), r.haywire(), r.trials().isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * r.haywireRate()),
                100 * r.haywireInterval().lower(), 100 * r.haywireInterval().upper(),
                r.converged() ? "decided at " + (int) Math.round(100 * r.confidence()) + " % posterior" : "not converged"));
        page.body().appendElement("img").addClass("plot").attr("src", svgFile).attr("alt", "trial plot");
        var table = page.table(List.of("trial", "outcome", "received", "byte errors", "bit errors", "good after (ms)"));
        for (Trial t : r.trials()) {
            HtmlPage.row(table, List.of(String.valueOf(t.index()), t.outcome().name(), t.bytesReceived() + "/" + t.bytesSent(),
                    String.valueOf(t.byteErrors()), t.bitErrors() < 0 ? "" : String.valueOf(t.bitErrors()),
                    t.goodAfterNanos() < 0 ? "" : String.format(Locale.ROOT, "%.1f", t.goodAfterNanos() / 1e6)));
        }
        return page.html();
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
