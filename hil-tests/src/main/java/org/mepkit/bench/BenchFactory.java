package org.mepkit.bench;

import java.io.IOException;

/** Makes the bench each suite test runs on (a fresh twin per test on the virtual bench). */
public interface BenchFactory extends AutoCloseable {

    Bench open() throws IOException;

    String describe();

    /** The firmware the boards run, as far as the bench knows it (model, image hash): reports carry it. */
    default String firmware() {
        return "unknown (the bench does not know)";
    }

    /** Every secret the boards may print, so reports can hide them. */
    default java.util.List<String> secrets() {
        return java.util.List.of();
    }

    /** Removes what the factory made (the virtual boards' folder); the benches it opened are closed by their users. */
    @Override
    default void close() {
    }
}
