package org.mepkit.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

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
        footer = {"", "Exit codes: 0 ok, 1 negative verdict, 2 usage, 3 bad input, 4 port, 5 protocol,",
                "6 authentication (wrong key), 7 external tool, 70 internal error, 130 interrupted."})
public final class MepCommand implements Runnable {

    /** Groups that collect subcommands from several modules, with their one-line descriptions. */
    static final Map<String, String> GROUPS = Map.of(
            "perf", "Benchmarks that print figures and ratios as JSON.",
            "diagnose", "Diagnose MAX3232 chips and boards.",
            "meter", "Play an Echelon/NES meter.",
            "board", "The boards mepkit supports, and the virtual ESP32-MEP board.",
            "image", "Inspect ESP32 firmware images.",
            "nvs", "Build and read NVS (configuration) partition images.",
            "hw", "KiCad hardware checks and fabrication outputs.",
            "bsp", "Board support packages for Arduino, PlatformIO and ESP-IDF firmware, from firmware-spec.");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the full command tree: built-in commands plus every {@link CommandContribution} on the class path. */
    public static CommandLine commandLine() {
        return commandLine(ServiceLoader.load(CommandContribution.class).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    public static CommandLine commandLine(List<CommandContribution> contributions) {
        CommandLine root = new CommandLine(new MepCommand());
        for (CommandContribution contribution : contributions) {
            CommandLine parent = contribution.parent().isEmpty() ? root : group(root, contribution.parent());
            parent.addSubcommand(contribution.command());
        }
        root.setExecutionExceptionHandler(new ErrorReporter());
        root.setExitCodeExceptionMapper(ErrorReporter::exitCodeOf);
        return root;
    }

    private static CommandLine group(CommandLine root, String name) {
        CommandLine existing = root.getSubcommands().get(name);
        if (existing != null) return existing;
        CommandSpec groupSpec = CommandSpec.wrapWithoutInspection(new GroupCommand());
        groupSpec.name(name).mixinStandardHelpOptions(true);
        groupSpec.usageMessage().description(GROUPS.getOrDefault(name, name + " commands."));
        CommandLine group = new CommandLine(groupSpec);
        root.addSubcommand(name, group);
        return group;
    }

    /** A group with no subcommand chosen prints its usage and fails: the user forgot a word. */
    private static final class GroupCommand implements Runnable {
        @Override
        public void run() {
            throw new CommandLine.ParameterException(new CommandLine(new MepCommand()), "choose a subcommand (see --help)");
        }
    }

    static void printError(PrintWriter err, String message) {
        err.println("mep: " + message);
        err.flush();
    }
}
