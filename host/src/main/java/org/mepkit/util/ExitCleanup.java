package org.mepkit.util;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one shutdown hook that ends what a run started when the process ends before the run could (Ctrl-C, SIGTERM,
 * {@code System.exit}): the child processes first ({@link Children}, so none writes on), then the working folders
 * ({@link Scratch}).
 */
final class ExitCleanup {

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private ExitCleanup() {
    }

    static void install() {
        if (!INSTALLED.compareAndSet(false, true)) return;
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                Children.stopAll();
                Scratch.closeAll();
            }, "mep-exit-cleanup"));
        } catch (IllegalStateException shuttingDown) {
            // the process is already ending: each run's own finally does the cleaning
        }
    }
}
