package org.mepkit.cli.command;

import org.mepkit.cli.spi.CommandContribution;

/** Adds {@code mep perf recovery}. */
public final class PerfRecoveryContribution implements CommandContribution {

    @Override
    public String parent() {
        return "perf";
    }

    @Override
    public Object command() {
        return new PerfRecoveryCommand();
    }
}
