package org.mepkit.cli.command;

import org.mepkit.cli.spi.CommandContribution;

/** The commands the meter client and the virtual meter add to {@code mep}. */
public final class MeterContributions {

    private MeterContributions() {
    }

    /** {@code mep read}. */
    public static final class Read implements CommandContribution {
        @Override public String parent() { return ""; }
        @Override public Object command() { return new ReadCommand(); }
    }

    /** {@code mep meter simulate}. */
    public static final class Simulate implements CommandContribution {
        @Override public String parent() { return "meter"; }
        @Override public Object command() { return new MeterSimulateCommand(); }
    }

    /** {@code mep perf optical}. */
    public static final class PerfOptical implements CommandContribution {
        @Override public String parent() { return "perf"; }
        @Override public Object command() { return new PerfOpticalCommand(); }
    }

    /** {@code mep perf poll}. */
    public static final class PerfPoll implements CommandContribution {
        @Override public String parent() { return "perf"; }
        @Override public Object command() { return new PerfPollCommand(); }
    }
}
