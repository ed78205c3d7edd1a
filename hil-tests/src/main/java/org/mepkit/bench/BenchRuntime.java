package org.mepkit.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mepkit.sim.max3232.Max3232Profile;

/**
 * Where the suite finds its bench and leaves what it captured: {@code mep bench} installs a
 * factory per run before launching the suite; under Surefire the default virtual bench is used.
 */
public final class BenchRuntime {

    /** What one test left behind: its console lines (secrets redacted) and a verdict note. */
    public record Capture(String bench, List<ConsoleMonitor.Line> console, List<String> notes) {
    }

    /** The launcher configuration parameter naming the run a suite test belongs to ({@link #install}). */
    public static final String RUN_PARAMETER = "mepkit.bench.run";

    private static BenchFactory defaultFactory;
    private static final Map<String, BenchFactory> RUNS = new ConcurrentHashMap<>();
    private static final AtomicLong RUN_COUNT = new AtomicLong();
    private static final Map<String, Capture> CAPTURES = new ConcurrentHashMap<>();

    private BenchRuntime() {
    }

    /**
     * Registers the bench of one suite run and returns its id, which the launcher passes to the tests as
     * {@link #RUN_PARAMETER}: several runs (a farm's boards) can go on at once, each on its own bench.
     */
    public static String install(BenchFactory f) {
        String run = "run-" + RUN_COUNT.incrementAndGet();
        RUNS.put(run, f);
        return run;
    }

    /** Forgets a finished run's bench and captures. */
    public static void release(String run) {
        RUNS.remove(run);
        CAPTURES.keySet().removeIf(k -> k.startsWith(run + "/"));
    }

    /** The bench of {@code run}; with no run (a suite test under Surefire) the default virtual bench. */
    public static BenchFactory factory(String run) throws IOException {
        if (run == null) return defaultFactory();
        BenchFactory f = RUNS.get(run);
        if (f == null) throw new IOException("no bench installed for " + run);
        return f;
    }

    private static synchronized BenchFactory defaultFactory() throws IOException {
        if (defaultFactory == null) defaultFactory = VirtualBenchFactory.defaults(Max3232Profile.GENUINE, 20, 1);
        return defaultFactory;
    }

    /** Where a test's capture is kept: its unique id within its run. */
    public static String captureKey(String run, String testId) {
        return run == null ? testId : run + "/" + testId;
    }

    static void capture(String key, Capture capture) {
        CAPTURES.put(key, capture);
    }

    public static Map<String, Capture> captures() {
        return Map.copyOf(CAPTURES);
    }
}
