package org.mepkit.hil.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.bench.Bench;
import org.mepkit.bench.BenchFactory;
import org.mepkit.hil.run.fixture.slow.SlowSuite;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The suite's reports: JUnit XML by the platform's legacy listener with the bench's outcomes marked, and the
 * HTML, for a run with every outcome and for a run cut short by an interrupt (what Ctrl-C does to mep bench).
 */
public class SuiteReportTest {

    static final BenchFactory FIXTURE = new BenchFactory() {
        @Override
        public Bench open() {
            throw new UnsupportedOperationException("the fixture suites use no bench");
        }

        @Override
        public String describe() {
            return "fixture bench <x>";
        }

        @Override
        public String firmware() {
            return "fixture firmware 1.2";
        }

        @Override
        public List<String> secrets() {
            return List.of("lab-wifi-pass-1");
        }
    };

    @TempDir
    Path dir;

    final StringWriter progress = new StringWriter();

    @Test
    void everyOutcomeReachesTheXmlAndTheHtmlAsItself() throws Exception {
        Path xml = dir.resolve("TEST-mep-bench.xml");
        SuiteResult r = SuiteRunner.run("org.mepkit.hil.run.fixture.outcomes", FIXTURE, List.of(), new PrintWriter(progress, true), xml);

        assertEquals(List.of(TestOutcome.Status.PASSED, TestOutcome.Status.FAILED, TestOutcome.Status.KNOWN_DEFECT,
                TestOutcome.Status.SKIPPED), r.tests().stream().map(TestOutcome::status).toList());
        assertFalse(r.passed(), "a failure fails the run");
        assertTrue(r.summaryLine().contains("1 passed, 1 failed, 1 known defect, 1 skipped"), r.summaryLine());

        Element suite = parse(xml).getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("2", suite.getAttribute("skipped"), "a known defect is a skipped testcase for JUnit tools");
        assertEquals("fixture firmware 1.2", property(suite, "firmware"));
        assertEquals("false", property(suite, "interrupted"));
        assertTrue(property(suite, "mepkit").startsWith("mepkit "), "the version is named");
        assertFalse(property(suite, "date").isEmpty() || property(suite, "host").isEmpty());
        assertTrue(property(suite, "java.class.path").isEmpty(), "no dump of the JVM's system properties");
        Element defect = testcase(suite, "knownDefect()");
        Element skipped = (Element) defect.getElementsByTagName("skipped").item(0);
        assertTrue(skipped.getAttribute("message").startsWith("known defect: upstream takes"), skipped.getAttribute("message"));
        assertEquals("known-defect", property(defect, "outcome"));
        Element failed = testcase(suite, "fails()");
        String failure = failed.getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(failure.contains("AssertionFailedError"), "the platform's stack trace");
        assertFalse(Files.readString(xml).contains("lab-wifi-pass-1"), "secrets redacted in the XML too");

        Path html = dir.resolve("report.html");
        ReportWriter.html(r, html);
        String page = Files.readString(html);
        assertTrue(page.contains("known defect") && page.contains("fixture firmware 1.2") && page.contains("fixture bench &lt;x&gt;"), page);
        assertFalse(page.contains("lab-wifi-pass-1"));
    }

    @Test
    void anInterruptedRunKeepsWhatFinishedAndSaysSo() throws Exception {
        SlowSuite.longTestStarted = new java.util.concurrent.CountDownLatch(1);
        Path xml = dir.resolve("TEST-mep-bench.xml");
        AtomicReference<SuiteResult> result = new AtomicReference<>();
        Thread command = new Thread(() -> result.set(SuiteRunner.run("org.mepkit.hil.run.fixture.slow", FIXTURE, List.of(),
                new PrintWriter(progress, true), xml)));
        command.start();
        assertTrue(SlowSuite.longTestStarted.await(30, TimeUnit.SECONDS));
        command.interrupt();
        command.join(30_000);
        SuiteResult r = result.get();

        assertTrue(r.interrupted());
        assertEquals(List.of(TestOutcome.Status.PASSED, TestOutcome.Status.INTERRUPTED, TestOutcome.Status.INTERRUPTED),
                r.tests().stream().map(TestOutcome::status).toList());
        assertEquals(SuiteRecorder.INTERRUPTED_WHILE_RUNNING, r.tests().get(1).message());
        assertEquals(SuiteRecorder.INTERRUPTED_BEFORE, r.tests().get(2).message());
        Element suite = parse(xml).getDocumentElement();
        assertEquals("true", property(suite, "interrupted"));
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("interrupted", property(testcase(suite, "runsLong()"), "outcome"));
        assertTrue(((Element) testcase(suite, "neverReached()").getElementsByTagName("skipped").item(0))
                .getAttribute("message").startsWith("interrupted:"));
        Path html = dir.resolve("report.html");
        ReportWriter.html(r, html);
        assertTrue(Files.readString(html).contains("INTERRUPTED (Ctrl-C)"));
    }

    static Document parse(Path xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    }

    static Element testcase(Element suite, String name) {
        NodeList cases = suite.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            if (((Element) cases.item(i)).getAttribute("name").equals(name)) return (Element) cases.item(i);
        }
        throw new AssertionError("no testcase " + name);
    }

    /** A property of {@code parent}'s own properties element, or "" when absent. */
    public static String property(Element parent, String name) {
        NodeList props = parent.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.getParentNode().getParentNode() == parent && p.getAttribute("name").equals(name)) return p.getAttribute("value");
        }
        return "";
    }
}
