package org.mepkit.hil.run;

import java.util.List;
import java.util.Locale;
import org.mepkit.report.ReportInfo;

/**
 * The outcome of one suite run on one board.
 *
 * @param interrupted Ctrl-C stopped the run: {@link #tests()} holds what finished, the rest as INTERRUPTED
 */
public record SuiteResult(String bench, List<TestOutcome> tests, long wallMillis, boolean interrupted, ReportInfo info) {

    public SuiteResult(String bench, List<TestOutcome> tests, long wallMillis) {
        this(bench, tests, wallMillis, false, ReportInfo.now(bench, "unknown"));
    }

    public long count(TestOutcome.Status status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }

    /** Every test ran and none failed (known defects of the firmware do not fail a run). */
    public boolean passed() {
        return !interrupted && count(TestOutcome.Status.FAILED) == 0 && !tests.isEmpty();
    }

    public String summaryLine() {
        StringBuilder s = new StringBuilder().append(tests.size()).append(" tests: ")
                .append(count(TestOutcome.Status.PASSED)).append(" passed, ")
                .append(count(TestOutcome.Status.FAILED)).append(" failed, ");
        if (count(TestOutcome.Status.KNOWN_DEFECT) > 0) s.append(count(TestOutcome.Status.KNOWN_DEFECT)).append(" known defect, ");
        s.append(count(TestOutcome.Status.SKIPPED)).append(" skipped");
        if (interrupted) s.append(", ").append(count(TestOutcome.Status.INTERRUPTED)).append(" interrupted");
        s.append(String.format(Locale.ROOT, " in %.1f s", wallMillis / 1000.0));
        if (interrupted) s.append(" (INTERRUPTED by Ctrl-C)");
        return s.toString();
    }
}
