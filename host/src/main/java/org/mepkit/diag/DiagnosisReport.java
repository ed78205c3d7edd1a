package org.mepkit.diag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link ChipDiagnosis.Result} as JSON-ready maps, an SVG plot of the trials and a small HTML page. */
public final class DiagnosisReport {

    private static final int W = 640;
    private static final int H = 290;
    private static final int LEFT = 50;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 70;

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

    /** Outcome of every trial (coloured marks) and the running haywire rate with its 95 % Wilson band. */
    public static String svg(ChipDiagnosis.Result r) {
        List<Trial> trials = r.trials();
        int n = Math.max(1, trials.size());
        double plotW = W - LEFT - RIGHT;
        double plotH = H - TOP - BOTTOM;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", W, H, W, H));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\">%s: %s</text>%n", LEFT,
                escape(r.jig()), r.verdict() == null ? "no trial done" : r.verdict().name()));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#888\"/>%n", LEFT, TOP, plotW, plotH));
        for (int tick = 0; tick <= 4; tick++) {
            double y = TOP + plotH * (1 - tick / 4.0);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d%%</text>%n", LEFT - 4, y + 4, tick * 25));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">trial (1..%d)</text>%n", LEFT + plotW / 2, TOP + plotH + 16, trials.size()));
        if (!trials.isEmpty()) {
            StringBuilder upper = new StringBuilder();
            StringBuilder lower = new StringBuilder();
            StringBuilder rate = new StringBuilder();
            int haywire = 0;
            for (int i = 0; i < trials.size(); i++) {
                if (trials.get(i).outcome().haywire()) haywire++;
                WilsonInterval ci = WilsonInterval.of95(haywire, i + 1);
                double x = LEFT + plotW * (i + 0.5) / n;
                upper.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, TOP + plotH * (1 - ci.upper())));
                lower.insert(0, String.format(Locale.ROOT, "%.1f,%.1f ", x, TOP + plotH * (1 - ci.lower())));
                rate.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, TOP + plotH * (1 - haywire / (double) (i + 1))));
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"8\" fill=\"%s\"><title>trial %d: %s, %d byte errors</title></rect>%n",
                        LEFT + plotW * i / n, TOP - 12, Math.max(1, plotW / n - 1), colour(trials.get(i).outcome()),
                        trials.get(i).index(), trials.get(i).outcome(), trials.get(i).byteErrors()));
            }
            s.append("<polygon fill=\"#9cf\" fill-opacity=\"0.5\" points=\"").append(upper).append(lower).append("\"/>\n");
            s.append("<polyline fill=\"none\" stroke=\"#036\" stroke-width=\"2\" points=\"").append(rate).append("\"/>\n");
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#036\">line: haywire rate so far; band: its 95 %% Wilson interval</text>%n", LEFT, H - 26));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">marks per trial: green good, orange bit errors, red garbage, grey silent</text>%n", LEFT, H - 10));
        s.append("</svg>\n");
        return s.toString();
    }

    public static String html(ChipDiagnosis.Result r, String svgFile) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>MAX3232 diagnosis</title>\n"
                + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 8px;text-align:right}</style></head><body>\n");
        h.append("<h1>MAX3232 diagnosis: ").append(r.verdict() == null ? "no verdict" : r.verdict().name()).append("</h1>\n");
        h.append("<p>").append(escape(r.jig())).append("</p>\n");
        if (r.verdict() != null) h.append("<p>").append(escape(r.verdict().advice())).append("</p>\n");
        h.append(String.format(Locale.ROOT, "<p>%d trials, %d haywire: rate %s, 95 %% interval %.1f–%.1f %%; %s</p>%n",
                r.trials().size(), r.haywire(), r.trials().isEmpty() ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * r.haywireRate()),
                100 * r.haywireInterval().lower(), 100 * r.haywireInterval().upper(),
                r.converged() ? "decided at " + (int) Math.round(100 * r.confidence()) + " % posterior" : "not converged"));
        if (r.abortedBy() != null) h.append("<p><b>Cut short:</b> ").append(escape(r.abortedBy())).append("</p>\n");
        h.append("<img src=\"").append(escape(svgFile)).append("\" alt=\"trial plot\">\n");
        h.append("<table><tr><th>trial</th><th>outcome</th><th>received</th><th>byte errors</th><th>bit errors</th><th>good after (ms)</th></tr>\n");
        for (Trial t : r.trials()) {
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%d/%d</td><td>%d</td><td>%s</td><td>%s</td></tr>%n",
                    t.index(), t.outcome(), t.bytesReceived(), t.bytesSent(), t.byteErrors(), t.bitErrors() < 0 ? "" : String.valueOf(t.bitErrors()),
                    t.goodAfterNanos() < 0 ? "" : String.format(Locale.ROOT, "%.1f", t.goodAfterNanos() / 1e6)));
        }
        h.append("</table></body></html>\n");
        return h.toString();
    }

    private static String colour(TrialOutcome o) {
        return switch (o) {
            case GOOD -> "#2a2";
            case BIT_ERRORS -> "#e90";
            case GARBAGE -> "#d22";
            case SILENT -> "#999";
        };
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
