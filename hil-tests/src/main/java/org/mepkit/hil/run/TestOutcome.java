package org.mepkit.hil.run;

import java.util.List;
import org.mepkit.bench.ConsoleMonitor;

/** One suite test's result, with what the bench captured during it (secrets already redacted). */
public record TestOutcome(String group, String name, String uniqueId, Status status, long wallMillis, String message,
                          List<ConsoleMonitor.Line> console, List<String> notes) {

    public enum Status {
        PASSED("ok"),
        FAILED("FAIL"),
        SKIPPED("skip"),
        /** The board fails as a documented defect of its firmware makes it fail ({@link org.mepkit.bench.KnownDefect}). */
        KNOWN_DEFECT("defect"),
        /** Ctrl-C came while the test ran, or before it started: no verdict. */
        INTERRUPTED("int");

        private final String tag;

        Status(String tag) {
            this.tag = tag;
        }

        /** The progress line's first word. */
        public String tag() {
            return tag;
        }

        /** How the report names it: {@code known defect}, {@code interrupted}, ... */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }
}
