package org.mepkit.serial.pty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A null-modem pair of ptys made by socat, for when both ends must be opened by path (two
 * components, two processes, a CLI under test): {@code socat -d -d pty,rawer,link=DIR/ttyA
 * pty,rawer,link=DIR/ttyB} in a fresh temporary directory. socat holds both slaves open, so
 * either end can be opened and closed repeatedly; a peer closing is not visible to the other
 * end (as with a real cable). Stop it with {@link #close()} (or {@link #unplug()}).
 *
 * <p>When socat is not installed the calling test is skipped (JUnit assumption) with the reason;
 * {@code ./test-all} installs it, so CI runs these tests.
 */
public final class SocatPair implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(5);

    private final Path dir;
    private final Process socat;

    private SocatPair(Path dir, Process socat) {
        this.dir = dir;
        this.socat = socat;
    }

    public static boolean socatInstalled() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(p -> !p.isEmpty() && Files.isExecutable(Path.of(p, "socat")));
    }

    /** Starts socat and waits (at most 5 s) until both links exist; skips the test when socat is missing. */
    public static SocatPair start() throws IOException, InterruptedException {
        Assumptions.assumeTrue(socatInstalled(), "socat is not installed (apt-get install -y socat; ./test-all does it)");
        Path dir = Files.createTempDirectory("mepkit-socat");
        Process process = new ProcessBuilder("socat", "-d", "-d",
                "pty,rawer,link=" + dir.resolve("ttyA"), "pty,rawer,link=" + dir.resolve("ttyB"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        SocatPair pair = new SocatPair(dir, process);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!(Files.exists(pair.pathA()) && Files.exists(pair.pathB()))) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                String log = Files.exists(dir.resolve("socat.log")) ? Files.readString(dir.resolve("socat.log")) : "";
                pair.close();
                throw new IOException("socat did not create its ptys within " + START_TIMEOUT + ": " + log.strip());
            }
            process.waitFor(2, TimeUnit.MILLISECONDS);
        }
        return pair;
    }

    /** One end, a link to {@code /dev/pts/N}. */
    public Path pathA() {
        return dir.resolve("ttyA");
    }

    /** The other end. */
    public Path pathB() {
        return dir.resolve("ttyB");
    }

    /** Kills socat without cleanup (SIGKILL): both ptys vanish, open ports see EIO. */
    public void unplug() throws InterruptedException {
        socat.destroyForcibly();
        socat.waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly();
                socat.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            socat.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is harmless
        }
    }

    @Override
    public String toString() {
        return "socat pair " + pathA() + " <-> " + pathB();
    }
}
