package org.mepkit.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;

import org.mepkit.cli.spi.CommandContribution;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top {@code mep} command: lists its subcommands; each does one job. */
@Command(name = "mep",
        mixinStandardHelpOptions = true,
        versionProvider = MepVersion.class,
        description = "mepkit: read, simulate, flash, test and diagnose ESP32-MEP boards and Echelon/NES meters.",
        footer = {"", "Exit codes: 0 ok, 1 negative verdict, 2 usage, 3 bad input, 4 port, 5 protocol, "
                + "6 authentication (wrong key), 7 external tool, 70 internal error, 130 interrupted.",
                "", "'mep help COMMAND...' shows a command's usage; 'mep completion bash' prints shell completion."})
public final class MepCommand implements Callable<Integer> {

    /** Groups that collect subcommands from several modules, with their one-line descriptions. */
    static final Map<String, String> GROUPS = Map.of(
            "perf", "Benchmarks: figures, ratios and targets_met; exit 1 when a target is missed.",
            "diagnose", "Diagnose MAX3232 chips and boards.",
            "meter", "Play an Echelon/NES meter.",
            "board", "The boards mepkit supports, and the virtual ESP32-MEP board.",
            "image", "Inspect ESP32 firmware images.",
            "nvs", "Build and read NVS (configuration) partition images.",
            "hw", "KiCad hardware checks and fabrication outputs.",
            "port", "Serial ports on other machines: export this host's adapters (ser2net, RFC 2217).",
            "bsp", "Board support packages for Arduino, PlatformIO and ESP-IDF firmware, from firmware-spec.");

    @Spec
    CommandSpec spec;

    /** {@code mep} alone: the usage, as for any group without a subcommand. */
    @Override
    public Integer call() {
        return GroupCommand.usageError(spec.commandLine());
    }

    /** Builds the full command tree: built-in commands plus every {@link CommandContribution} on the class path. */
    public static CommandLine commandLine() {
        return commandLine(ServiceLoader.load(CommandContribution.class).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /**
     * The tree {@code args} needs: when the first word names a contributed command or group, only that branch
     * (picocli inspects each command it adds, which for the whole tree is a large share of mep's start-up); the
     * whole tree for anything else (no word, an option, {@code help}, {@code completion}, an unknown word, so
     * that its error lists every command).
     */
    public static CommandLine commandLine(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) return commandLine(List.of());
        List<CommandContribution> all = ServiceLoader.load(CommandContribution.class).stream().map(ServiceLoader.Provider::get).toList();
        if (args.length == 0 || args[0].startsWith("-")) return commandLine(all);
        String word = args[0];
        List<CommandContribution> branch = all.stream()
                .filter(c -> c.parent().isEmpty() ? word.equals(nameOf(c)) : word.equals(c.parent())).toList();
        return branch.isEmpty() ? commandLine(all) : commandLine(branch);
    }

    /** The name a contributed command declares in its {@code @Command} (a command wrapped in a spec: its spec's name). */
    private static String nameOf(CommandContribution c) {
        Object command = c.command();
        if (command instanceof CommandLine cl) return cl.getCommandName();
        Command annotation = command.getClass().getAnnotation(Command.class);
        return annotation == null ? "" : annotation.name();
    }

    public static CommandLine commandLine(List<CommandContribution> contributions) {
        CommandLine root = new CommandLine(new MepCommand());
        root.addSubcommand(new HelpCommand());
        root.addSubcommand(new CompletionCommand());
        for (CommandContribution contribution : contributions) {
            CommandLine parent = contribution.parent().isEmpty() ? root : group(root, contribution.parent());
            parent.addSubcommand(contribution.command());
        }
        root.setExecutionExceptionHandler(new ErrorReporter());
        root.setParameterExceptionHandler(new ParseErrorReporter());
        root.setExitCodeExceptionMapper(ErrorReporter::exitCodeOf);
        return root;
    }

    private static CommandLine group(CommandLine root, String name) {
        CommandLine existing = root.getSubcommands().get(name);
        if (existing != null) return existing;
        GroupCommand command = new GroupCommand();
        CommandSpec groupSpec = CommandSpec.wrapWithoutInspection(command);
        groupSpec.name(name).mixinStandardHelpOptions(true);
        groupSpec.usageMessage().description(GROUPS.getOrDefault(name, name + " commands."));
        CommandLine group = new CommandLine(groupSpec);
        command.self = group;
        root.addSubcommand(name, group);
        return group;
    }

    /** A group with no subcommand chosen prints its own usage on stderr and exits 2: the user forgot a word. */
    private static final class GroupCommand implements Callable<Integer> {
        CommandLine self;

        @Override
        public Integer call() {
            return usageError(self);
        }

        static int usageError(CommandLine group) {
            PrintWriter err = group.getErr();
            group.usage(err);
            printError(err, "'" + group.getCommandSpec().qualifiedName() + "' needs a subcommand (see the list above)");
            return ExitCodes.USAGE;
        }
    }

    static void printError(PrintWriter err, String message) {
        err.println("mep: " + message);
        err.flush();
    }
}
