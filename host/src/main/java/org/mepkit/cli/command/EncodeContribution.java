package org.mepkit.cli.command;

import org.mepkit.cli.spi.CommandContribution;

/** Adds {@code mep encode}. */
public final class EncodeContribution implements CommandContribution {

    @Override
    public String parent() {
        return "";
    }

    @Override
    public Object command() {
        return new EncodeCommand();
    }
}
