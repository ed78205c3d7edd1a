package org.mepkit.bench;

import org.opentest4j.TestAbortedException;

/**
 * A suite test found a defect the firmware under test is known to have (from its source): the run reports it as a
 * <em>known defect of that firmware</em>, not as a failure, so a bench on the upstream firmware stays green while
 * any other failure still fails it. A firmware without the defect that fails the same check fails the test
 * normally. Thrown as a {@link TestAbortedException} so that any JUnit Platform reporting shows it apart from
 * failures; the runner maps it to its own outcome.
 */
public final class KnownDefect extends TestAbortedException {

    private final String firmware;
    private final String upstream;

    /**
     * @param firmware the firmware that has the defect ({@code dabbler})
     * @param upstream where its source goes wrong, e.g. {@code NES-MEP-UI.ino:341-344}
     * @param what     what the test saw
     */
    public KnownDefect(String firmware, String upstream, String what) {
        super("KNOWN DEFECT of the " + firmware + " firmware (" + upstream + "): " + what);
        this.firmware = firmware;
        this.upstream = upstream;
    }

    public String firmware() {
        return firmware;
    }

    public String upstream() {
        return upstream;
    }
}
