package org.mepkit.hil.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to start {@code mep} again as its own process, the way this one was started: the same java, the same JVM
 * options (a class-data-sharing archive, {@code MEP_JAVA_OPTS}) and class path, {@code org.mepkit.cli.Main}.
 * Benchmarks time such processes whole, start-up included.
 */
final class SelfCommand {

    private SelfCommand() {
    }

    static List<String> mep() {
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
}
