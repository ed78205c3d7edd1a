package org.mepkit.cli.spi;

/**
 * A subcommand that a module adds to the {@code mep} CLI, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.mepkit.cli.spi.CommandContribution}). This keeps {@code host}
 * free of upward dependencies: {@code flasher} and {@code hil-tests} plug their commands in.
 */
public interface CommandContribution {

    /**
     * Where the command goes: {@code ""} for a top-level command, otherwise the name of a group
     * ({@code "perf"}, {@code "diagnose"}, {@code "meter"}, {@code "board"}, {@code "image"},
     * {@code "nvs"}, {@code "hw"}); an unknown group is created.
     */
    String parent();

    /** A fresh picocli {@code @Command} instance. */
    Object command();
}
