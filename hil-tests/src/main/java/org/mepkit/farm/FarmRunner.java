package org.mepkit.farm;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.mepkit.bench.BenchFactory;
import org.mepkit.hil.run.SuiteResult;
import org.mepkit.hil.run.SuiteRunner;
import org.mepkit.serial.PortLock;
import org.mepkit.serial.SerialException;

/**
 * Benches several boards at once: the HIL suite on each board, at most {@code parallel} boards at a time, each
 * board's progress lines prefixed with its name. Every port of every board is locked first ({@link PortLock}):
 * a port another bench holds stops the farm before any test, with that bench named. A board that fails, even one
 * whose link drops or whose bench cannot start, fails only its own tests; the others go on.
 */
public final class FarmRunner {

    /** A board to bench: its name, how to open its bench, and the ports it uses (locked for the run). */
    public record Board(String name, BenchFactory bench, List<String> ports) {
    }

    /** What one board did: its suite result, or why it could not run at all. */
    public record BoardResult(String name, String bench, SuiteResult suite, String error) {
        public boolean passed() {
            return error == null && suite != null && suite.passed();
        }

        public String summaryLine() {
            return error != null ? "could not run: " + error : suite.summaryLine();
        }
    }

    /** The farm's run: every board's result, in the config's order, and the wall time of the whole. */
    public record Result(List<BoardResult> boards, long wallMillis) {
        public boolean passed() {
            return boards.stream().allMatch(BoardResult::passed);
        }

        public String summaryLine() {
            long ok = boards.stream().filter(BoardResult::passed).count();
            return boards.size() + " board" + (boards.size() == 1 ? "" : "s") + ": " + ok + " passed, " + (boards.size() - ok)
                    + " failed in " + String.format(Locale.ROOT, "%.1f", wallMillis / 1000.0) + " s";
        }
    }

    private FarmRunner() {
    }

    /**
     * @param holder names this run in the port locks, e.g. {@code bench 'lab-farm'}
     * @throws SerialException a port is held by another bench (nothing ran), or its lock cannot be taken
     */
    public static Result run(List<Board> boards, int parallel, List<String> tags, PrintWriter progress, Path lockDir, String holder)
            throws SerialException {
        return run(boards, parallel, tags, progress, lockDir, holder, null);
    }

    /** As above, each board's JUnit XML written to {@code out/BOARD/TEST-mep-bench.xml} as it runs (when {@code out} is not null). */
    public static Result run(List<Board> boards, int parallel, List<String> tags, PrintWriter progress, Path lockDir, String holder,
                             Path out) throws SerialException {
        if (parallel < 1) throw new IllegalArgumentException("parallel must be at least 1: " + parallel);
        List<String> ports = boards.stream().flatMap(b -> b.ports().stream()).toList();
        List<PortLock> locks = PortLock.acquireAll(lockDir, ports, holder);
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, boards.size()), r -> {
            Thread t = new Thread(r, "farm-board");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BoardResult>> futures = new ArrayList<>();
            boolean prefix = boards.size() > 1;
            for (Board b : boards) futures.add(pool.submit(() -> runBoard(b, tags, prefix ? prefixed(progress, b) : progress, out)));
            List<BoardResult> results = new ArrayList<>();
            for (int i = 0; i < boards.size(); i++) results.add(await(futures.get(i), boards.get(i)));
            return new Result(List.copyOf(results), (System.nanoTime() - t0) / 1_000_000L);
        } finally {
            pool.shutdownNow();
            locks.forEach(PortLock::close);
        }
    }

    private static PrintWriter prefixed(PrintWriter progress, Board b) {
        return new PrintWriter(new LinePrefixWriter(progress, "[" + b.name() + "] "), true);
    }

    private static BoardResult runBoard(Board b, List<String> tags, PrintWriter progress, Path out) {
        BenchFactory named = named(b);
        progress.println("on " + b.bench().describe());
        try {
            SuiteRunner.checkBench(named);
            Path xml = out == null ? null : Files.createDirectories(out.resolve(b.name())).resolve("TEST-mep-bench.xml");
            SuiteResult r = SuiteRunner.run(named, tags, progress, xml);
            progress.println(r.summaryLine());
            return new BoardResult(b.name(), named.describe(), r, null);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            progress.println("could not run: " + why);
            return new BoardResult(b.name(), named.describe(), null, why);
        } finally {
            progress.flush();
        }
    }

    /** The board's bench, described with the board's name first: the merged report and the XML tell boards apart by it. */
    private static BenchFactory named(Board b) {
        return new BenchFactory() {
            @Override
            public org.mepkit.bench.Bench open() throws IOException {
                return b.bench().open();
            }

            @Override
            public String describe() {
                return b.name() + ": " + b.bench().describe();
            }

            @Override
            public String firmware() {
                return b.bench().firmware();
            }

            @Override
            public List<String> secrets() {
                return b.bench().secrets();
            }
        };
    }

    private static BoardResult await(Future<BoardResult> f, Board b) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new BoardResult(b.name(), b.bench().describe(), null, "interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            return new BoardResult(b.name(), b.bench().describe(), null, String.valueOf(e.getCause()));
        }
    }

    /** Hands whole lines to a shared writer, each with a prefix, so boards running at once do not mix their lines. */
    static final class LinePrefixWriter extends Writer {
        private final PrintWriter target;
        private final String prefix;
        private final StringBuilder line = new StringBuilder();

        LinePrefixWriter(PrintWriter target, String prefix) {
            this.target = target;
            this.prefix = prefix;
        }

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                char c = buf[i];
                if (c == '\n') {
                    emit();
                } else if (c != '\r') {
                    line.append(c);
                }
            }
        }

        private void emit() {
            synchronized (target) {
                target.println(prefix + line);
                target.flush();
            }
            line.setLength(0);
        }

        @Override
        public synchronized void flush() {
            if (line.length() > 0) emit();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
