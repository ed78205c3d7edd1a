package org.mepkit.hil.run;

import java.util.List;

/** The outcome of one suite run. */
public record SuiteResult(String bench, List<TestOutcome> tests, long wallMillis) {

    public long count(TestOutcome.Status status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }

    /** No failures (known defects of the firmware under test do not count as failures). */
    public boolean passed() {
        return count(TestOutcome.Status.FAILED) == 0 && !tests.isEmpty();
    }

    public String summaryLine() {
        return tests.size() + " tests: " + count(TestOutcome.Status.PASSED) + " passed, "
                + count(TestOutcome.Status.FAILED) + " failed, "
                + (count(TestOutcome.Status.KNOWN_DEFECT) > 0 ? count(TestOutcome.Status.KNOWN_DEFECT) + " known defect(s) of the firmware, " : "")
                + count(TestOutcome.Status.SKIPPED) + " skipped in "
                + String.format(java.util.Locale.ROOT, "%.1f", wallMillis / 1000.0) + " s";
    }
}
