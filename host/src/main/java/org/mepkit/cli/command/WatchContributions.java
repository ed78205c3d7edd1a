package org.mepkit.cli.command;

import org.mepkit.cli.spi.CommandContribution;

/** {@code mep watch} and its benchmark {@code mep perf watch}. */
public final class WatchContributions {

    private WatchContributions() {
    }

    /** {@code mep watch}. */
    public static final class Watch implements CommandContribution {
        @Override public String parent() { return ""; }
        @Override public Object command() { return new WatchCommand(); }
    }

    /** {@code mep perf watch}. */
    public static final class PerfWatch implements CommandContribution {
        @Override public String parent() { return "perf"; }
        @Override public Object command() { return new PerfWatchCommand(); }
    }
}
