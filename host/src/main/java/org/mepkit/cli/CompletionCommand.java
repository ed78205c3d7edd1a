package org.mepkit.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mep completion bash|zsh}: a shell completion script from picocli's generator, for the
 * whole command tree (every module's commands). The script serves zsh through bashcompinit.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for mep.",
                "bash: source <(mep completion bash), or save it as ~/.local/share/bash-completion/completions/mep.",
                "zsh: source <(mep completion zsh) in ~/.zshrc (uses bashcompinit)."})
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "The shell: bash or zsh.")
    Shell shell;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        withoutHiddenOptions(root);
        String script = AutoComplete.bash("mep", root);
        PrintWriter out = spec.commandLine().getOut();
        if (shell == Shell.zsh) {
            // picocli's script checks for zsh itself, but bashcompinit must be loaded before it is sourced
            out.println("autoload -U +X compinit && compinit");
            out.println("autoload -U +X bashcompinit && bashcompinit");
        }
        out.print(script);
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Old names stay hidden from completion too. picocli's generator offers hidden options, so they
     * are taken out of this run's tree (built for this one execution; nothing runs after us).
     */
    private static void withoutHiddenOptions(CommandLine cmd) {
        for (OptionSpec option : List.copyOf(cmd.getCommandSpec().options())) {
            if (option.hidden()) cmd.getCommandSpec().remove(option);
        }
        cmd.getSubcommands().values().stream().distinct().forEach(CompletionCommand::withoutHiddenOptions);
    }
}
