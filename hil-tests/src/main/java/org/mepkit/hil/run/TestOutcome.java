package org.mepkit.hil.run;

import java.util.List;
import org.mepkit.bench.ConsoleMonitor;

/** One suite test's result, with what the bench captured during it (secrets already redacted). */
public record TestOutcome(String group, String name, String uniqueId, Status status, long wallMillis, String message,
                          List<ConsoleMonitor.Line> console, List<String> notes) {

    public enum Status { PASSED, FAILED, SKIPPED }
}
