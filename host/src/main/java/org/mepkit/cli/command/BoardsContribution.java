package org.mepkit.cli.command;

import org.mepkit.cli.spi.CommandContribution;

/** Adds {@code mep boards}. */
public final class BoardsContribution implements CommandContribution {

    @Override
    public String parent() {
        return "";
    }

    @Override
    public Object command() {
        return new BoardsCommand();
    }
}
