package org.mepkit.hil.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.mepkit.report.HtmlPage;
import org.mepkit.report.ReportInfo;

/**
 * The one page {@code mep demo} leaves in its output folder: the run's identity, its verdict, and each step with
 * what it found and links to its own reports (boot log, bench report and JUnit XML, diagnosis). Written after
 * every step, so a demo that stops (a failed step, Ctrl-C) still leaves an index saying where and why.
 */
final class DemoIndex {

    /** A step's state as the page shows it. */
    enum State { OK, FAILED, INTERRUPTED, NOT_RUN }

    private record Step(String name, State state, String text, List<String[]> links) {
    }

    private final Path file;
    private final ReportInfo info;
    private final List<Step> steps = new ArrayList<>();

    DemoIndex(Path file, ReportInfo info) {
        this.file = file;
        this.info = info;
    }

    /** @param links pairs of label and path relative to the index */
    DemoIndex step(String name, State state, String text, String... links) {
        List<String[]> l = new ArrayList<>();
        for (int i = 0; i + 1 < links.length; i += 2) if (links[i + 1] != null) l.add(new String[] {links[i], links[i + 1]});
        steps.add(new Step(name, state, text, l));
        return this;
    }

    Path file() {
        return file;
    }

    void write(String verdict, State overall) throws IOException {
        HtmlPage page = HtmlPage.titled("mep demo", info);
        page.banner(switch (overall) {
            case OK -> "passed";
            case INTERRUPTED -> "interrupted";
            default -> "failed";
        }, verdict);
        Element table = page.table(List.of("step", "result", "what it found", "reports"));
        for (Step s : steps) {
            Element tr = table.appendElement("tr");
            tr.appendElement("td").text(s.name());
            tr.appendElement("td").addClass(switch (s.state()) {
                case OK -> "PASSED";
                case FAILED -> "FAILED";
                case INTERRUPTED -> "INTERRUPTED";
                case NOT_RUN -> "SKIPPED";
            }).text(s.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            tr.appendElement("td").text(s.text());
            Element links = tr.appendElement("td");
            for (String[] link : s.links()) links.appendElement("a").attr("href", link[1]).text(link[0]).after("<br>");
        }
        page.paragraph("Secrets (Wi-Fi password, MEP key) are never in these reports; the virtual flash in this folder"
                + " holds them and is readable by you only.");
        page.write(file);
    }
}
