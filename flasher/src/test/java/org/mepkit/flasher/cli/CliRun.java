package org.mepkit.flasher.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;

import org.mepkit.cli.MepCommand;
import org.mepkit.cli.spi.CommandContribution;

import picocli.CommandLine;

/** Runs the real {@code mep} command tree with the flasher's commands (some pre-configured with fakes). */
record CliRun(int exit, String out, String err) {

    static CliRun run(Supplier<FlashCommand> flash, String... args) {
        List<CommandContribution> contributions = List.of(
                contribution("", flash::get),
                new FlasherCommands.ImageInfo(), new FlasherCommands.NvsBuild(), new FlasherCommands.NvsDump());
        CommandLine cl = MepCommand.commandLine(contributions);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    static CliRun run(String... args) {
        return run(FlashCommand::new, args);
    }

    private static CommandContribution contribution(String parent, Supplier<Object> command) {
        return new CommandContribution() {
            @Override
            public String parent() {
                return parent;
            }

            @Override
            public Object command() {
                return command.get();
            }
        };
    }
}
