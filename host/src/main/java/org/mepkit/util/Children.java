package org.mepkit.util;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every program mepkit starts (esptool, socat, ser2net, mosquitto, kicad-cli, a child mep): started here so that
 * none outlives mepkit when it ends early (Ctrl-C, SIGTERM: SIGTERM to each, SIGKILL {@link #GRACE} later), and so
 * that none inherits a secret from mepkit's environment ({@link #SECRET_VARIABLES}) unless its caller passes it on
 * purpose with {@link #startWithSecrets}.
 */
public final class Children {

    /** Variables through which mepkit itself takes secrets; a child has no use for them. */
    public static final List<String> SECRET_VARIABLES = List.of("MEP_KEY", "MEP_MQTT_PASSWORD");

    static final Duration GRACE = Duration.ofSeconds(2);

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    private Children() {
    }

    /** Starts {@code pb} without mepkit's secret variables in its environment. */
    public static Process start(ProcessBuilder pb) throws IOException {
        pb.environment().keySet().removeAll(SECRET_VARIABLES);
        return track(pb.start());
    }

    /** Starts {@code pb} with these variables set, secret ones included (a child mep that needs {@code MEP_KEY}). */
    public static Process startWithSecrets(ProcessBuilder pb, Map<String, String> secrets) throws IOException {
        pb.environment().keySet().removeAll(SECRET_VARIABLES);
        pb.environment().putAll(secrets);
        return track(pb.start());
    }

    private static Process track(Process p) {
        ExitCleanup.install();
        RUNNING.add(p);
        p.onExit().thenRun(() -> RUNNING.remove(p));
        return p;
    }

    /** SIGTERM to every child still running, then SIGKILL to those still running after {@link #GRACE}. */
    static void stopAll() {
        List<Process> alive = RUNNING.stream().filter(Process::isAlive).toList();
        alive.forEach(Process::destroy);
        long end = System.nanoTime() + GRACE.toNanos();
        for (Process p : alive) {
            try {
                if (!p.waitFor(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }
}
