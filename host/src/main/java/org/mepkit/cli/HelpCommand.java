package org.mepkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mep help [COMMAND...]}: the usage of {@code mep} or of any command, e.g. {@code mep help diagnose chip}. */
@Command(name = "help", mixinStandardHelpOptions = true, helpCommand = true,
        description = "Show the usage of mep or of a command, e.g. 'mep help diagnose chip'.")
final class HelpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command, with its group first for grouped commands.")
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        CommandLine target = spec.root().commandLine();
        for (String word : words) {
            CommandLine next = target.getSubcommands().get(word);
            if (next == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no command '" + String.join(" ", words)
                        + "': '" + target.getCommandSpec().qualifiedName() + "' has no subcommand '" + word + "'");
            }
            target = next;
        }
        target.usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
