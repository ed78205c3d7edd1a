package org.mepkit.hil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.mepkit.cli.MepCommand;
import picocli.CommandLine;

/** The whole {@code mep} command tree run in-process, its stdout and stderr kept for assertions. */
final class MepCli {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = MepCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
