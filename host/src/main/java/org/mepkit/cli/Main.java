package org.mepkit.cli;

/** Entry point of the {@code mep} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(MepCommand.commandLine().execute(args));
    }
}
