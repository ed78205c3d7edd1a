package org.mepkit.mqtt;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** {@link Mosquitto} for tests: skipped (JUnit assumption) when mosquitto is not installed; ./test-all installs it. */
public final class MosquittoTesting {

    private MosquittoTesting() {
    }

    public static Mosquitto start(Path dir) throws IOException, InterruptedException {
        return start(dir, null, null);
    }

    public static Mosquitto start(Path dir, String user, String password) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Mosquitto.binary() != null, "mosquitto is not installed (apt-get install -y mosquitto; ./test-all does it)");
        return Mosquitto.start(dir, user, password);
    }
}
