package org.mepkit.serial.pty;

import java.io.IOException;
import org.junit.jupiter.api.Assumptions;

/** Test access to the pty helpers: a socat pair, or the calling test is skipped with the reason when socat is missing. */
public final class PtyTesting {

    private PtyTesting() {
    }

    /** {@link SocatPair#start()}, skipping the test (JUnit assumption) when socat is not installed; ./test-all installs it. */
    public static SocatPair socatPair() throws IOException, InterruptedException {
        Assumptions.assumeTrue(SocatPair.socatInstalled(), "socat is not installed (apt-get install -y socat; ./test-all does it)");
        return SocatPair.start();
    }
}
