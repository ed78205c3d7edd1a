package org.mepkit.cli;

import java.io.PrintStream;
import java.time.Duration;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) as a request the running command can honour. The first one interrupts the thread that runs
 * the command, so a command with partial results (bench, demo, diagnose, hw fab) writes what finished, says it
 * was interrupted and exits 130; a command that has not ended {@link #GRACE} later, or a second Ctrl-C, ends the
 * process at once with 130.
 *
 * <p>Installed by {@link Main} only: commands run in tests see no handler. When the shell started mep with SIGINT
 * ignored (a background job), the JVM leaves it ignored and so does this.
 */
public final class Interrupts {

    /** How long a command may take to write its partial results after the first Ctrl-C. */
    static final Duration GRACE = Duration.ofSeconds(15);

    private static volatile boolean requested;

    private Interrupts() {
    }

    /** True once Ctrl-C was pressed in this process. */
    public static boolean requested() {
        return requested;
    }

    /**
     * After Ctrl-C, clears the calling thread's interrupt flag so the partial results can be written (an NIO file
     * channel refuses an interrupted thread, and code that caught the interrupt may have set the flag again).
     * Returns whether Ctrl-C was pressed.
     */
    public static boolean clearForPartialResults() {
        if (requested) Thread.interrupted();
        return requested;
    }

    static void install(Thread commandThread, PrintStream err) {
        try {
            Signal.handle(new Signal("INT"), signal -> {
                if (requested) Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
                requested = true;
                err.println("mep: interrupted: keeping what finished (Ctrl-C again to stop at once)");
                err.flush();
                commandThread.interrupt();
                Thread deadline = new Thread(() -> {
                    try {
                        Thread.sleep(GRACE.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.exit(ExitCodes.INTERRUPTED);
                }, "mep-interrupt-deadline");
                deadline.setDaemon(true);
                deadline.start();
            });
        } catch (IllegalArgumentException e) {
            // the JVM runs with -Xrs or the signal is taken: the JVM's default handling stays
        }
    }
}
