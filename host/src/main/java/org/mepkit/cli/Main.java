package org.mepkit.cli;

/** Entry point of the {@code mep} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Interrupts.install(Thread.currentThread(), System.err);
        int code = MepCommand.commandLine(args).execute(args);
        System.exit(Interrupts.requested() ? ExitCodes.INTERRUPTED : code);
    }
}
