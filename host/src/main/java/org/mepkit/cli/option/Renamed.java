package org.mepkit.cli.option;

import java.io.PrintWriter;

import picocli.CommandLine.Model.CommandSpec;

/**
 * Old option and command names, kept as hidden aliases for one release (docs/cli-grammar.md, "Old
 * names"). Using one works as before and prints one note on stderr naming the new name.
 */
public final class Renamed {

    private Renamed() {
    }

    /** Prints {@code mep: note: OLD is now NEW ...} on the command's stderr. */
    public static void note(CommandSpec spec, String oldName, String newName) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("mep: note: " + oldName + " is now " + newName + "; the old name goes in the next release");
        err.flush();
    }
}
