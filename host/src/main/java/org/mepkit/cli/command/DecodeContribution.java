package org.mepkit.cli.command;

import org.mepkit.cli.spi.CommandContribution;

/** Adds {@code mep decode}. */
public final class DecodeContribution implements CommandContribution {

    @Override
    public String parent() {
        return "";
    }

    @Override
    public Object command() {
        return new DecodeCommand();
    }
}
