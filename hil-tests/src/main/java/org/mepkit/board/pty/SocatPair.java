package org.mepkit.board.pty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A null-modem pair of pseudo-terminals made by socat: two paths, bytes written on one are
 * read on the other. socat keeps both slave ends open, so either side may open and close its
 * path repeatedly. {@link #close()} stops socat (SIGTERM, which removes the links).
 */
public final class SocatPair implements AutoCloseable {

    private final Process process;
    private final Path a;
    private final Path b;

    private SocatPair(Process process, Path a, Path b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    /** Starts socat with links {@code dir/nameA} and {@code dir/nameB}; waits at most 5 s for them. */
    public static SocatPair start(Path dir, String nameA, String nameB) throws IOException {
        Path a = dir.resolve(nameA);
        Path b = dir.resolve(nameB);
        Process p;
        try {
            p = new ProcessBuilder("socat", "pty,rawer,link=" + a, "pty,rawer,link=" + b)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("socat is needed for the virtual board's ports (apt-get install socat): " + e.getMessage(), e);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!p.isAlive()) throw new IOException("socat exited with " + p.exitValue() + " before making " + a);
            if (System.nanoTime() > end) {
                p.destroy();
                throw new IOException("socat made no ptys within 5 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000L);
        }
        return new SocatPair(p, a, b);
    }

    public String pathA() {
        return a.toString();
    }

    public String pathB() {
        return b.toString();
    }

    /** Kills socat abruptly: both ports vanish, as when a USB adapter is pulled. */
    public void unplug() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
