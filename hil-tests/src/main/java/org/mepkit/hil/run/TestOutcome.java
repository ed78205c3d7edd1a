package org.mepkit.hil.run;

import java.util.List;
import org.mepkit.bench.ConsoleMonitor;

/** One suite test's result, with what the bench captured during it (secrets already redacted). */
public record TestOutcome(String group, String name, String uniqueId, Status status, long wallMillis, String message,
                          List<ConsoleMonitor.Line> console, List<String> notes) {

    /** {@code KNOWN_DEFECT}: the check failed on a firmware known to have that defect ({@link org.mepkit.bench.KnownDefect}). */
    public enum Status { PASSED, FAILED, KNOWN_DEFECT, SKIPPED }
}
