package org.mepkit.bench;

import java.io.IOException;

/** Makes the bench each suite test runs on (a fresh twin per test on the virtual bench). */
public interface BenchFactory {

    Bench open() throws IOException;

    String describe();
}
