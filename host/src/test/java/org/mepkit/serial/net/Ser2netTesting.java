package org.mepkit.serial.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

/** Test access to a real ser2net: started on 127.0.0.1 and free ports, or the calling test is skipped with the reason. */
public final class Ser2netTesting {

    private Ser2netTesting() {
    }

    /** {@link Ser2net#start}, skipping the test (JUnit assumption) when ser2net is not installed; ./test-all installs it. */
    public static Ser2net start(Path dir, Ser2net.Device... devices) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Ser2net.installed(), "ser2net is not installed (apt-get install -y ser2net; ./test-all does it)");
        return Ser2net.start(List.of(devices), dir);
    }

    /** The output speed {@code stty -F} reports for a tty, e.g. what a client set through the exporter. */
    public static int sttySpeed(String tty) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("stty", "-F", tty, "speed").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0) throw new IOException("stty -F " + tty + " failed: " + out);
        return Integer.parseInt(out);
    }
}
