package org.mepkit.hil.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to start {@code mep} again as its own process, the way this one was started: through the {@code ./mep}
 * launcher when this mep came from it (it says so in {@code MEP_LAUNCHER}), else the same java with the same JVM
 * options (a class-data-sharing archive, {@code MEP_JAVA_OPTS}) and class path, {@code org.mepkit.cli.Main}.
 * Benchmarks time such processes whole, start-up included.
 */
final class SelfCommand {

    private SelfCommand() {
    }

    static List<String> mep() {
        return mep(System.getenv("MEP_LAUNCHER"));
    }

    /** How this mep was started, in a few words, for a benchmark's report. */
    static String describe() {
        return launcher(System.getenv("MEP_LAUNCHER")).map(l -> "the launcher " + l).orElse("java, as this mep runs");
    }

    static List<String> mep(String launcherVariable) {
        Optional<Path> launcher = launcher(launcherVariable);
        if (launcher.isPresent()) return List.of(launcher.get().toString());
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // a debugger or an agent of this JVM is not part of how mep runs
            if (!option.startsWith("-agentlib") && !option.startsWith("-javaagent") && !option.startsWith("-Xrunjdwp")) cmd.add(option);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.mepkit.cli.Main");
        return cmd;
    }

    private static Optional<Path> launcher(String variable) {
        if (variable == null || variable.isBlank()) return Optional.empty();
        Path p = Path.of(variable);
        return p.isAbsolute() && Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
}
