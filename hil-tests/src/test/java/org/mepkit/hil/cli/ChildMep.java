package org.mepkit.hil.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The {@code mep} CLI in a child JVM ({@code org.mepkit.cli.Main} on this test's class path), as a user runs
 * it: its own process, a real SIGINT, an environment of the test's choosing (a PATH without a tool). Output
 * goes to files the test can poll.
 */
final class ChildMep implements AutoCloseable {

    private interface LibC extends Library {
        LibC C = Native.load("c", LibC.class);

        int kill(int pid, int signal);
    }

    private static final int SIGINT = 2;

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final Path tmp;

    private ChildMep(Process process, Path stdout, Path stderr, Path tmp) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.tmp = tmp;
    }

    /**
     * Starts {@code mep args...} in {@code workDir}; {@code env} entries replace the inherited ones. The child's
     * temporary folder ({@code TMPDIR} and {@code java.io.tmpdir}, for it and its children) is a fresh empty one
     * of its own, {@link #tmpLeftovers()}, unless {@code env} names one.
     * SIGINT is reset to its default first when this JVM inherited it ignored (a background job), as a shell
     * with job control would start mep.
     */
    static ChildMep start(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (sigintIgnored()) cmd.addAll(List.of("perl", "-e", "$SIG{INT}='DEFAULT'; exec {$ARGV[0]} @ARGV or die \"exec: $!\""));
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
        String appid = System.getProperty("fazecast.jSerialComm.appid", "mepkit-test");
        cmd.add("-Dfazecast.jSerialComm.appid=" + appid + "-child");
        Files.createDirectories(workDir);
        Path tmp = env.containsKey("TMPDIR") ? Path.of(env.get("TMPDIR")) : Files.createTempDirectory(workDir, "tmp-");
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.mepkit.cli.Main");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "mep-", ".out");
        Path err = Files.createTempFile(workDir, "mep-", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        pb.environment().putAll(env);
        pb.environment().put("TMPDIR", tmp.toString());
        return new ChildMep(pb.start(), out, err, tmp);
    }

    /** Whether this process ignores SIGINT (SigIgn in /proc/self/status), which children inherit. */
    static boolean sigintIgnored() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("SigIgn:")).findFirst()
                    .map(l -> (Long.parseLong(l.substring(7).strip(), 16) & (1L << (SIGINT - 1))) != 0).orElse(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** Everything in the child's temporary folder, as paths relative to it (a run that cleans up leaves none). */
    List<String> tmpLeftovers() throws IOException {
        try (Stream<Path> all = Files.walk(tmp)) {
            return all.filter(p -> !p.equals(tmp)).map(p -> tmp.relativize(p).toString()).sorted().toList();
        }
    }

    /** The child's temporary folder. */
    Path tmp() {
        return tmp;
    }

    /** SIGTERM (kill PID): the JVM runs its shutdown hooks; what the process started is not signalled. */
    void sigterm() {
        process.destroy();
    }

    long pid() {
        return process.pid();
    }

    String out() throws IOException {
        return Files.readString(stdout);
    }

    String err() throws IOException {
        return Files.readString(stderr);
    }

    /** Waits (bounded) until stdout + stderr satisfy {@code ready}; fails with both outputs if the child ends first. */
    void awaitOutput(String what, Predicate<String> ready, Duration bound) throws Exception {
        long end = System.nanoTime() + bound.toNanos();
        while (true) {
            String both = out() + err();
            if (ready.test(both)) return;
            if (!process.isAlive()) throw new AssertionError("mep ended (exit " + process.exitValue() + ") before " + what + ":\n" + both);
            if (System.nanoTime() > end) throw new AssertionError("no " + what + " within " + bound.toSeconds() + " s:\n" + both);
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
    }

    /** Ctrl-C: SIGINT to the child JVM itself. */
    void sigint() {
        if (LibC.C.kill((int) process.pid(), SIGINT) != 0) throw new AssertionError("kill(SIGINT) failed: errno " + Native.getLastError());
    }

    /** kill -9: SIGKILL to the child JVM, which then runs no shutdown hook; waits until it is gone. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) throw new AssertionError("the child JVM survived SIGKILL");
    }

    /** The exit code, waiting at most {@code bound}. */
    int exitCode(Duration bound) throws Exception {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("mep did not end within " + bound.toSeconds() + " s:\n" + out() + err());
        }
        return process.exitValue();
    }

    /**
     * A folder of links to every program on this PATH except {@code hidden}: the machine as it would be without
     * those tools installed.
     */
    static Path pathWithout(Path dir, String... hidden) throws IOException {
        Files.createDirectories(dir);
        List<String> hide = List.of(hidden);
        for (String entry : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(entry.isEmpty() ? "." : entry);
            if (!Files.isDirectory(p)) continue;
            try (Stream<Path> files = Files.list(p)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    Path link = dir.resolve(name);
                    if (hide.contains(name) || Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            || !Files.isExecutable(f) || Files.isDirectory(f)) continue;
                    Files.createSymbolicLink(link, f.toAbsolutePath());
                }
            }
        }
        return dir;
    }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
