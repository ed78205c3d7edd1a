package org.mepkit.bench;

import org.opentest4j.TestAbortedException;

/**
 * A suite test saw the board fail the way a documented defect of its firmware makes it fail (the upstream
 * firmware as it is): not a regression and not a pass. {@code mep bench} reports it as its own outcome, in the
 * HTML and in the JUnit XML (a {@code skipped} element whose text starts with {@code known defect:} and a
 * testcase property {@code outcome=known-defect}), and it does not fail the run.
 */
public final class KnownDefect extends TestAbortedException {

    /** @param defect what the firmware does wrong and where (upstream file and line, or the issue) */
    public KnownDefect(String defect) {
        super(defect);
    }

    /**
     * @param firmware the firmware that has the defect ({@code dabbler})
     * @param upstream where its source goes wrong, e.g. {@code NES-MEP-UI.ino:341-344}
     * @param what     what the test saw
     */
    public KnownDefect(String firmware, String upstream, String what) {
        this("the " + firmware + " firmware's defect at " + upstream + " (upstream 6681de7): " + what);
    }
}
