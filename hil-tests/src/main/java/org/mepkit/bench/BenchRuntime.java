package org.mepkit.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mepkit.sim.max3232.Max3232Profile;

/**
 * Where the suite finds its bench and leaves what it captured: {@code mep bench} installs a
 * factory before launching the suite; under Surefire the default virtual bench is used.
 */
public final class BenchRuntime {

    /** What one test left behind: its console lines (secrets redacted) and a verdict note. */
    public record Capture(String bench, List<ConsoleMonitor.Line> console, List<String> notes) {
    }

    private static volatile BenchFactory factory;
    private static final Map<String, Capture> CAPTURES = new ConcurrentHashMap<>();

    private BenchRuntime() {
    }

    public static void install(BenchFactory f) {
        factory = f;
        CAPTURES.clear();
    }

    public static synchronized BenchFactory factory() throws IOException {
        if (factory == null) factory = VirtualBenchFactory.defaults(Max3232Profile.GENUINE, 20, 1);
        return factory;
    }

    static void capture(String testId, Capture capture) {
        CAPTURES.put(testId, capture);
    }

    public static Map<String, Capture> captures() {
        return Map.copyOf(CAPTURES);
    }
}
