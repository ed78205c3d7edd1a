package org.mepkit.bsp;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.mepkit.bsp.cli.BspCommands;
import org.mepkit.cli.MepCommand;

import picocli.CommandLine;

/** Runs {@code mep bsp ...} in-process, as {@code ./mep} would, and keeps what it printed. */
final class BspCli {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cli = MepCommand.commandLine(List.of(new BspCommands.Export(), new BspCommands.Diff()));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }
}
