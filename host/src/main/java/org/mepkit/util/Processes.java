package org.mepkit.util;

import java.util.concurrent.TimeUnit;

/** Stopping a helper process this program started (socat, ser2net), by its PID. */
public final class Processes {

    private Processes() {
    }

    /** SIGTERM, then SIGKILL if it has not ended within 5 s; an interrupt kills at once and is kept. */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
