package org.mepkit.power;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** Starts external programs; tests inject a fake that records the argv. */
public interface ProcessLauncher {

    /** What a finished program left behind. */
    record Result(int exitCode, String output) {
    }

    /** A program left running (gpioset v2 holds its line only while it lives). */
    interface Running {
        boolean isAlive();

        void stop();
    }

    /** Runs {@code argv} to completion (stdout and stderr merged), killing it after {@code timeout}. */
    Result run(List<String> argv, Duration timeout) throws IOException, InterruptedException;

    /** Starts {@code argv} and leaves it running. */
    Running start(List<String> argv) throws IOException;
}
