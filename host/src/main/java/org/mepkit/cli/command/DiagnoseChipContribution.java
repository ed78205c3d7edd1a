package org.mepkit.cli.command;

import org.mepkit.cli.spi.CommandContribution;

/** Adds {@code mep diagnose chip}. */
public final class DiagnoseChipContribution implements CommandContribution {

    @Override
    public String parent() {
        return "diagnose";
    }

    @Override
    public Object command() {
        return new DiagnoseChipCommand();
    }
}
