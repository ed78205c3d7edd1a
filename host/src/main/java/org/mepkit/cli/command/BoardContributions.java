package org.mepkit.cli.command;

import org.mepkit.cli.spi.CommandContribution;

/** Adds {@code mep board list}, {@code mep board show} and the hidden old {@code mep boards}. */
public final class BoardContributions {

    private BoardContributions() {
    }

    public static final class ListBoards implements CommandContribution {
        @Override public String parent() { return "board"; }
        @Override public Object command() { return new BoardCommands.ListCommand(); }
    }

    public static final class ShowBoard implements CommandContribution {
        @Override public String parent() { return "board"; }
        @Override public Object command() { return new BoardCommands.ShowCommand(); }
    }

    /** {@code mep boards}, hidden: the old name for one release. */
    public static final class OldBoards implements CommandContribution {
        @Override public String parent() { return ""; }
        @Override public Object command() { return new BoardCommands.OldBoardsCommand(); }
    }
}
