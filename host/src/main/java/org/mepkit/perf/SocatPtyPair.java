package org.mepkit.perf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.mepkit.time.Deadline;
import org.mepkit.time.SystemTicker;

/**
 * Two linked pseudo-terminals made by {@code socat} (a virtual null-modem cable) for benchmarks
 * run from the CLI: {@link #a()} and {@link #b()} are paths any serial-port code can open. The links
 * live in a fresh temporary directory; {@link #close()} stops socat and removes them.
 */
public final class SocatPtyPair implements AutoCloseable {

    /** socat is missing or did not make its ptys in time. */
    public static final class SocatUnavailableException extends IOException {
        public SocatUnavailableException(String message) {
            super(message);
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(5);

    private final Path dir;
    private final Process socat;

    private SocatPtyPair(Path dir, Process socat) {
        this.dir = dir;
        this.socat = socat;
    }

    public static SocatPtyPair start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("mep-pty");
        Process process;
        try {
            process = new ProcessBuilder("socat", "-d", "-d",
                    "pty,rawer,link=" + dir.resolve("ttyA"), "pty,rawer,link=" + dir.resolve("ttyB"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        } catch (IOException e) {
            deleteTree(dir);
            throw new SocatUnavailableException("socat is not installed (apt-get install socat): " + e.getMessage());
        }
        SocatPtyPair pair = new SocatPtyPair(dir, process);
        Deadline deadline = SystemTicker.INSTANCE.deadlineAfter(START_TIMEOUT);
        while (!(Files.exists(pair.a()) && Files.exists(pair.b()))) {
            if (!process.isAlive() || deadline.expired()) {
                pair.close();
                throw new SocatUnavailableException("socat did not create its pty pair within " + START_TIMEOUT.toSeconds() + " s");
            }
            SystemTicker.INSTANCE.waitFor(Duration.ofMillis(5));
        }
        return pair;
    }

    public Path a() {
        return dir.resolve("ttyA");
    }

    public Path b() {
        return dir.resolve("ttyB");
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) socat.destroyForcibly();
        } catch (InterruptedException e) {
            socat.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
