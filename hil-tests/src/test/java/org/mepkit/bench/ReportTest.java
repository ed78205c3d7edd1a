package org.mepkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.hil.run.ReportWriter;
import org.mepkit.hil.run.SuiteResult;
import org.mepkit.hil.run.TestOutcome;
import org.mepkit.report.Redactor;

/** Redaction of captured logs and the JUnit XML / HTML reports. */
class ReportTest {

    @TempDir
    Path dir;

    @Test
    void secretsAreRedactedLongestFirstAndTheFirmwaresSecretLinesAlways() {
        Redactor r = Redactor.firmware().withSecrets(List.of("pass", "pass-word-1"));
        assertEquals("wifi_pwd: '***'", r.redact("wifi_pwd: 'pass-word-1'"));
        assertEquals("ssid ***", r.redact("ssid pass-word-1"), "a known value anywhere, longest first");
        assertEquals("mep_key: '***'", r.redact("mep_key: '00000000000000000000'"));
        assertEquals("user_pwd: '***'", r.redact("user_pwd: 'not-known-to-the-bench'"),
                "a secret the bench config does not know is still hidden in the firmware's own lines");
    }

    @Test
    void theHtmlHasATimelineChartForALogWithAPowerCycleAndEscapesText() throws Exception {
        List<ConsoleMonitor.Line> log = List.of(new ConsoleMonitor.Line(0, "Setting ENABLE pin 1"),
                new ConsoleMonitor.Line(10_000, "Setting ENABLE pin 0"), new ConsoleMonitor.Line(10_000, "Setting RS3232 pin 0"),
                new ConsoleMonitor.Line(11_000, "Setting RS3232 pin 1"), new ConsoleMonitor.Line(13_000, "Transmitting request at index 0 (attempt 2)"));
        SuiteResult r = new SuiteResult("virtual <test>", List.of(
                new TestOutcome("boot", "a & b", "id1", TestOutcome.Status.PASSED, 12, "", log, List.of()),
                new TestOutcome("recovery", "c", "id2", TestOutcome.Status.FAILED, 30, "expected <1> but was \"2\"", List.of(), List.of()),
                new TestOutcome("measurements", "d", "id3", TestOutcome.Status.SKIPPED, 0, "no board URL", List.of(), List.of())),
                100);
        Path html = dir.resolve("r.html");
        ReportWriter.html(r, html);
        String h = Files.readString(html);
        assertTrue(h.contains("data:image/svg+xml;base64,"), "the log with a power cycle gets a timeline");
        String svg = ReportWriter.timeline(log);
        assertTrue(svg.contains("board time (s)") && svg.contains("MAX3232 VCC") && svg.contains(">on<"), "labelled axes and ticks");
        assertTrue(h.contains("1 failed"));
        assertFalse(h.contains("<test>"), "text is escaped");
    }
}
