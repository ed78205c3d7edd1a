package org.mepkit.cli.command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.mepkit.cli.MepCommand;
import org.mepkit.cli.spi.CommandContribution;

import picocli.CommandLine;

/** Runs {@code mep} with the encode and decode commands and a given environment, capturing both streams. */
record CliRun(int exit, String out, String err) {

    static CliRun run(Map<String, String> env, String... args) {
        CommandLine cli = MepCommand.commandLine(List.of(contribution(new EncodeCommand(env)), contribution(new DecodeCommand(env))));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return run(Map.of(), args);
    }

    /** stderr is exactly one line "mep: ...". */
    boolean oneLineError() {
        return err.startsWith("mep: ") && err.strip().lines().count() == 1;
    }

    private static CommandContribution contribution(Object command) {
        return new CommandContribution() {
            @Override
            public String parent() {
                return "";
            }

            @Override
            public Object command() {
                return command;
            }
        };
    }
}
