package org.mepkit.esptool;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Starts external programs; the seam that lets tests see the exact argv and environment. */
public interface ProcessLauncher {

    /** Starts {@code argv} with these variables added to the environment; stdout and stderr stay separate. */
    Process start(List<String> argv, Map<String, String> extraEnv) throws IOException;

    /** The real launcher: the child ends with mepkit and gets none of its secret variables ({@code Children}). */
    ProcessLauncher SYSTEM = (argv, extraEnv) -> {
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        return org.mepkit.util.Children.startWithSecrets(pb, extraEnv);
    };
}
