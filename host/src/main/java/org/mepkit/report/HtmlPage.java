package org.mepkit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A report page built as a jsoup DOM, so every text is escaped by the library and the markup is always
 * well formed. Each page starts with its title and the {@link ReportInfo} (date, mepkit, host, board, firmware)
 * and shares one style sheet.
 */
public final class HtmlPage {

    private static final String CSS = css();

    private final Document doc;

    private HtmlPage(Document doc) {
        this.doc = doc;
    }

    /** A page with {@code title} as its title and heading, followed by the report's identity. */
    public static HtmlPage titled(String title, ReportInfo info) {
        Document doc = Document.createShell("");
        doc.prependChild(new org.jsoup.nodes.DocumentType("html", "", ""));
        doc.outputSettings().prettyPrint(true).indentAmount(1);
        doc.selectFirst("html").attr("lang", "en");
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("title").text(title);
        head.appendElement("style").appendChild(new org.jsoup.nodes.DataNode(CSS));
        HtmlPage page = new HtmlPage(doc);
        page.body().appendElement("h1").text(title);
        Element about = page.body().appendElement("table").addClass("about");
        info.fields().forEach((k, v) -> {
            Element row = about.appendElement("tr");
            row.appendElement("th").text(k);
            row.appendElement("td").text(v);
        });
        return page;
    }

    public Element body() {
        return doc.body();
    }

    /** A coloured box: {@code kind} is {@code passed}, {@code failed}, {@code interrupted} or {@code unknown}. */
    public Element banner(String kind, String text) {
        return body().appendElement("p").addClass("banner").addClass(kind).text(text);
    }

    public Element paragraph(String text) {
        return body().appendElement("p").text(text);
    }

    /** A table with a header row; cells are text. Returns the table for more rows ({@link #row}). */
    public Element table(List<String> header) {
        Element table = body().appendElement("table");
        Element tr = table.appendElement("tr");
        header.forEach(h -> tr.appendElement("th").text(h));
        return table;
    }

    public static Element row(Element table, List<String> cells) {
        Element tr = table.appendElement("tr");
        cells.forEach(c -> tr.appendElement("td").text(c));
        return tr;
    }

    /** An SVG drawing embedded in the page itself (as a data URI, so the page stays one file). */
    public static Element svgImage(Element parent, String svg, String alt) {
        String data = Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
        return parent.appendElement("img").addClass("plot").attr("src", "data:image/svg+xml;base64," + data).attr("alt", alt);
    }

    public String html() {
        return doc.outerHtml();
    }

    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        // a plain stream, not an NIO channel: a page written after Ctrl-C must not fail on the thread's interrupt
        try (var w = new java.io.OutputStreamWriter(new java.io.FileOutputStream(file.toFile()), StandardCharsets.UTF_8)) {
            w.write(html() + "\n");
        }
    }

    private static String css() {
        try (InputStream in = HtmlPage.class.getResourceAsStream("report.css")) {
            if (in == null) throw new IllegalStateException("report.css missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
