package org.mepkit.hil.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.mepkit.report.Redactor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Finishes the JUnit XML that the platform's LegacyXmlReportGeneratingListener wrote for a suite run: the
 * testcases, failures with their stack traces, skip reasons and captured console are the listener's; this
 * replaces its {@code <properties>} (a dump of the JVM's system properties, command line included) with the
 * report's identity, and marks the bench's own outcomes for tools that read only the XML:
 *
 * <ul>
 *   <li>suite properties {@code mepkit}, {@code date}, {@code host}, {@code board}, {@code firmware},
 *       {@code interrupted} ({@code true} after Ctrl-C);</li>
 *   <li>a known defect or an interrupted test: a {@code skipped} element whose {@code message} and text start with
 *       {@code known defect:} or {@code interrupted:}, and a testcase property {@code outcome} =
 *       {@code known-defect} / {@code interrupted}.</li>
 * </ul>
 * Every text is passed through the bench's redactor once more (assertion messages may quote the console).
 */
final class JunitXml {

    private JunitXml() {
    }

    static void finish(Path listenerDir, Path target, SuiteResult result, Redactor redactor) {
        try {
            Path written;
            try (Stream<Path> files = Files.list(listenerDir)) {
                written = files.filter(p -> p.getFileName().toString().endsWith(".xml")).findFirst().orElse(null);
            }
            if (written == null) throw new IOException("the JUnit Platform wrote no XML report into " + listenerDir);
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(written.toFile());
            Element suite = doc.getDocumentElement();
            suite.setAttribute("name", "mep bench: " + result.bench());
            replaceProperties(doc, suite, properties(result));
            Map<String, TestOutcome> byId = new HashMap<>();
            result.tests().forEach(t -> byId.put(t.uniqueId(), t));
            NodeList cases = suite.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) mark((Element) cases.item(i), byId);
            redact(suite, redactor);
            Files.createDirectories(target.toAbsolutePath().getParent());
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            doc.setXmlStandalone(true);
            transformer.transform(new DOMSource(doc), new StreamResult(target.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot finish the JUnit XML report: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> properties(SuiteResult r) {
        Map<String, String> m = new LinkedHashMap<>(r.info().fields());
        m.put("bench", r.bench());
        m.put("interrupted", String.valueOf(r.interrupted()));
        return m;
    }

    private static void replaceProperties(Document doc, Element parent, Map<String, String> values) {
        NodeList old = parent.getElementsByTagName("properties");
        Element props = doc.createElement("properties");
        values.forEach((k, v) -> {
            Element p = doc.createElement("property");
            p.setAttribute("name", k);
            p.setAttribute("value", v);
            props.appendChild(p);
        });
        Node first = old.getLength() > 0 && old.item(0).getParentNode() == parent ? old.item(0) : null;
        if (first != null) parent.replaceChild(props, first);
        else parent.insertBefore(props, parent.getFirstChild());
    }

    /** The outcome of a testcase, found through the unique id the listener writes into its system-out. */
    private static void mark(Element testcase, Map<String, TestOutcome> byId) {
        String text = testcase.getTextContent();
        int at = text.indexOf("unique-id: ");
        if (at < 0) return;
        String id = text.substring(at + "unique-id: ".length()).lines().findFirst().orElse("").strip();
        TestOutcome t = byId.get(id);
        if (t == null) return;
        String outcome = switch (t.status()) {
            case KNOWN_DEFECT -> "known-defect";
            case INTERRUPTED -> "interrupted";
            default -> null;
        };
        NodeList skipped = testcase.getElementsByTagName("skipped");
        if (skipped.getLength() > 0) {
            String reason = skipped.item(0).getTextContent().strip();
            ((Element) skipped.item(0)).setAttribute("message", reason.lines().findFirst().orElse(""));
        }
        if (outcome == null) return;
        Document doc = testcase.getOwnerDocument();
        Element props = doc.createElement("properties");
        Element p = doc.createElement("property");
        p.setAttribute("name", "outcome");
        p.setAttribute("value", outcome);
        props.appendChild(p);
        testcase.insertBefore(props, testcase.getFirstChild());
    }

    private static void redact(Node node, Redactor redactor) {
        if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            node.setNodeValue(redactor.redact(node.getNodeValue()));
        }
        if (node instanceof Element e) {
            var attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Node a = attrs.item(i);
                a.setNodeValue(redactor.redact(a.getNodeValue()));
            }
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) redact(c, redactor);
    }
}
