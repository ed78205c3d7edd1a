package org.mepkit.hil.run;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.mepkit.bench.BenchRuntime;
import org.mepkit.bench.KnownDefect;
import org.mepkit.report.Redactor;

/**
 * Listens to one suite run: keeps every test's {@link TestOutcome} with what the bench captured, prints one
 * progress line per test, and feeds the JUnit Platform's XML listener (when there is one) with the bench's
 * outcomes: the console as the test's captured output, notes as report entries, known defects and skips as
 * skipped tests with their reason.
 *
 * <p>{@link #interrupt()} closes the run where it stands (Ctrl-C): tests that had not finished become
 * INTERRUPTED, the XML listener is told so and writes its report, and later events from the still running
 * launcher are ignored. Every method holds this object's lock.
 */
final class SuiteRecorder implements TestExecutionListener {

    static final String INTERRUPTED_WHILE_RUNNING = "interrupted: Ctrl-C came while this test ran";
    static final String INTERRUPTED_BEFORE = "interrupted: Ctrl-C came before this test started";

    private final String run;
    private final PrintWriter progress;
    private final TestExecutionListener xml;
    private final Redactor redactor;
    private final List<TestOutcome> outcomes = new ArrayList<>();
    private final Map<String, Long> startedAt = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private TestPlan plan;
    private boolean closed;

    /** @param xml the platform's XML listener, or null for none */
    /** @param run the suite run's id ({@link BenchRuntime#install}), under which its tests leave their captures */
    SuiteRecorder(String run, PrintWriter progress, TestExecutionListener xml, Redactor redactor) {
        this.run = run;
        this.progress = progress;
        this.xml = xml;
        this.redactor = redactor;
    }

    synchronized List<TestOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        if (closed) return;
        plan = testPlan;
        if (xml != null) xml.testPlanExecutionStarted(testPlan);
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (closed) return;
        closed = true;
        if (xml != null) xml.testPlanExecutionFinished(testPlan);
    }

    @Override
    public synchronized void executionStarted(TestIdentifier id) {
        if (closed) return;
        if (id.isTest()) startedAt.put(id.getUniqueId(), System.nanoTime());
        if (xml != null) xml.executionStarted(id);
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        if (closed) return;
        if (xml != null) xml.reportingEntryPublished(id, entry);
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (closed) return;
        finished.add(id.getUniqueId());
        String why = reason == null ? "" : redactor.redact(reason);
        if (id.isTest()) {
            record(id, TestOutcome.Status.SKIPPED, 0, why);
        } else {
            progress.printf("SKIP %s: %s%n", id.getDisplayName(), why);
            progress.flush();
        }
        if (xml != null) xml.executionSkipped(id, why);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (closed) return;
        finished.add(id.getUniqueId());
        if (!id.isTest()) {
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                progress.printf("FAIL %s: %s%n", id.getDisplayName(),
                        redactor.redact(result.getThrowable().map(Throwable::toString).orElse("")));
                progress.flush();
            }
            if (xml != null) xml.executionFinished(id, result);
            return;
        }
        long ms = (System.nanoTime() - startedAt.getOrDefault(id.getUniqueId(), System.nanoTime())) / 1_000_000L;
        String message = redactor.redact(result.getThrowable().map(SuiteRecorder::message).orElse(""));
        TestOutcome.Status status = switch (result.getStatus()) {
            case SUCCESSFUL -> TestOutcome.Status.PASSED;
            case FAILED -> TestOutcome.Status.FAILED;
            case ABORTED -> result.getThrowable().filter(KnownDefect.class::isInstance).isPresent()
                    ? TestOutcome.Status.KNOWN_DEFECT : TestOutcome.Status.SKIPPED;
        };
        TestOutcome outcome = record(id, status, ms, message);
        if (xml == null) return;
        if (!outcome.console().isEmpty()) xml.reportingEntryPublished(id, ReportEntry.from("stdout", ReportWriter.consoleText(outcome.console())));
        for (String note : outcome.notes()) xml.reportingEntryPublished(id, ReportEntry.from("note", note));
        switch (status) {
            case KNOWN_DEFECT -> xml.executionSkipped(id, "known defect: " + message);
            case SKIPPED -> xml.executionSkipped(id, message);
            default -> xml.executionFinished(id, result);
        }
    }

    /** Ctrl-C: the run ends here; what had not finished is INTERRUPTED, and the XML listener writes its report. */
    synchronized void interrupt() {
        if (closed || plan == null) {
            closed = true;
            return;
        }
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier id : plan.getDescendants(root)) {
                if (!id.isTest() || finished.contains(id.getUniqueId())) continue;
                String why = startedAt.containsKey(id.getUniqueId()) ? INTERRUPTED_WHILE_RUNNING : INTERRUPTED_BEFORE;
                record(id, TestOutcome.Status.INTERRUPTED, 0, why);
                if (xml != null) xml.executionSkipped(id, why);
            }
            if (xml != null && !finished.contains(root.getUniqueId())) xml.executionFinished(root, TestExecutionResult.successful());
        }
        if (xml != null) xml.testPlanExecutionFinished(plan);
        closed = true;
    }

    private TestOutcome record(TestIdentifier id, TestOutcome.Status status, long ms, String message) {
        BenchRuntime.Capture c = status == TestOutcome.Status.INTERRUPTED ? null : BenchRuntime.captures().get(BenchRuntime.captureKey(run, id.getUniqueId()));
        String group = id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> SuiteRunner.groupOf(m.getClassName())).orElse("suite");
        TestOutcome o = new TestOutcome(group, id.getDisplayName(), id.getUniqueId(), status, ms, message,
                c == null ? List.of() : c.console(), c == null ? List.of() : c.notes());
        outcomes.add(o);
        if (status != TestOutcome.Status.INTERRUPTED) {
            progress.printf("%-6s %-12s %s (%d ms)%s%n", status.tag(), group, id.getDisplayName(), ms,
                    message.isEmpty() ? "" : "\n       " + message);
            progress.flush();
        }
        return o;
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        String first = m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse("");
        return first.length() > 400 ? first.substring(0, 400) + "…" : first;
    }
}
