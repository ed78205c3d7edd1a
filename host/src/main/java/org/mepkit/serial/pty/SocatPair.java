package org.mepkit.serial.pty;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mepkit.time.Deadline;
import org.mepkit.time.SystemTicker;
import org.mepkit.util.Children;
import org.mepkit.util.Processes;
import org.mepkit.util.Scratch;

/**
 * A null-modem pair of pseudo-terminals made by socat (a virtual cable), for when both ends must be opened by
 * path (two components, two processes, a CLI under test, a benchmark): {@code socat -d -d pty,rawer,link=DIR/A
 * pty,rawer,link=DIR/B}. socat holds both slaves open, so either end can be opened and closed repeatedly; a
 * peer closing is not visible to the other end (when that matters, use {@link PtyMasterLine}).
 *
 * <p>{@link #start()} uses a fresh temporary directory that {@link #close()} removes; {@link #start(Path, String,
 * String)} puts named links in a caller's directory (only the links go on close). Both wait for the links with a
 * deadline and fail with {@link SocatUnavailableException} when socat is missing or makes no ptys in time.
 * {@link #unplug()} kills socat abruptly: both ptys vanish and open ports see EIO, as when an adapter is pulled.
 */
public final class SocatPair implements AutoCloseable {

    /** socat is missing or did not make its ptys in time. */
    public static final class SocatUnavailableException extends IOException {
        public SocatUnavailableException(String message) {
            super(message);
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofSeconds(5);

    private final Scratch scratch;
    private final Path a;
    private final Path b;
    private final Process socat;

    private SocatPair(Scratch scratch, Path a, Path b, Process socat) {
        this.scratch = scratch;
        this.a = a;
        this.b = b;
        this.socat = socat;
    }

    /** Whether a {@code socat} executable is on the PATH. */
    public static boolean socatInstalled() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(File.pathSeparator))
                .anyMatch(p -> !p.isEmpty() && Files.isExecutable(Path.of(p, "socat")));
    }

    /** A pair with links {@code ttyA}/{@code ttyB} in a fresh temporary directory. */
    public static SocatPair start() throws IOException, InterruptedException {
        Scratch scratch = Scratch.create("socat");
        return start(scratch, scratch.dir().resolve("ttyA"), scratch.dir().resolve("ttyB"));
    }

    /** A pair with links {@code dir/nameA} and {@code dir/nameB} in an existing directory. */
    public static SocatPair start(Path dir, String nameA, String nameB) throws IOException, InterruptedException {
        return start(null, dir.resolve(nameA), dir.resolve(nameB));
    }

    private static SocatPair start(Scratch scratch, Path a, Path b) throws IOException, InterruptedException {
        Path log = Files.createTempFile(a.toAbsolutePath().getParent(), ".socat", ".log");
        Process process;
        try {
            process = Children.start(new ProcessBuilder("socat", "-d", "-d", "pty,rawer,link=" + a, "pty,rawer,link=" + b)
                    .redirectErrorStream(true).redirectOutput(log.toFile()));
        } catch (IOException e) {
            Files.deleteIfExists(log);
            if (scratch != null) scratch.close();
            throw new SocatUnavailableException("socat is not installed (apt-get install -y socat): " + e.getMessage());
        }
        SocatPair pair = new SocatPair(scratch, a, b, process);
        try {
            Deadline deadline = SystemTicker.INSTANCE.deadlineAfter(START_TIMEOUT);
            while (!(Files.exists(a) && Files.exists(b))) {
                if (!process.isAlive() || deadline.expired()) {
                    String text = Files.readString(log).strip();
                    pair.close();
                    throw new SocatUnavailableException("socat did not create its ptys within "
                            + START_TIMEOUT.toSeconds() + " s" + (text.isEmpty() ? "" : ": " + text));
                }
                process.waitFor(2, TimeUnit.MILLISECONDS);
            }
        } finally {
            Files.deleteIfExists(log);
        }
        return pair;
    }

    /** One end, a link to {@code /dev/pts/N}. */
    public Path pathA() {
        return a;
    }

    /** The other end. */
    public Path pathB() {
        return b;
    }

    /** Kills socat without cleanup (SIGKILL): both ptys vanish, open ports see EIO. */
    public void unplug() throws InterruptedException {
        socat.destroyForcibly();
        socat.waitFor(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        Processes.stop(socat);
        if (scratch != null) {
            scratch.close();
        } else {
            try {
                Files.deleteIfExists(a);
                Files.deleteIfExists(b);
            } catch (IOException e) {
                // a stale link is harmless: the next start replaces it
            }
        }
    }


    @Override
    public String toString() {
        return "socat pair " + a + " <-> " + b;
    }
}
