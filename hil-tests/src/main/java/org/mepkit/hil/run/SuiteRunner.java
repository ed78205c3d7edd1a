package org.mepkit.hil.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.mepkit.bench.BenchFactory;
import org.mepkit.bench.BenchRuntime;

/**
 * Runs the HIL suite ({@code org.mepkit.hil.suite}) through the JUnit Platform launcher on the
 * given bench, printing one progress line per test, and collects the outcomes with the
 * captured console logs.
 */
public final class SuiteRunner {

    public static final String SUITE_PACKAGE = "org.mepkit.hil.suite";

    private SuiteRunner() {
    }

    /** @param tags JUnit tag expressions to include (suite groups); empty = all */
    public static SuiteResult run(BenchFactory bench, List<String> tags, PrintWriter progress) {
        BenchRuntime.install(bench);
        LauncherDiscoveryRequestBuilder b = LauncherDiscoveryRequestBuilder.request().selectors(selectPackage(SUITE_PACKAGE))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        if (!tags.isEmpty()) b.filters(TagFilter.includeTags(tags));
        LauncherDiscoveryRequest request = b.build();
        List<TestOutcome> outcomes = new ArrayList<>();
        Map<String, Long> started = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) started.put(id.getUniqueId(), System.nanoTime());
            }

            @Override
            public void executionSkipped(TestIdentifier id, String reason) {
                if (id.isTest()) {
                    add(id, TestOutcome.Status.SKIPPED, 0, reason);
                } else {
                    progress.printf("SKIP %s: %s%n", id.getDisplayName(), reason);
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                        progress.printf("FAIL %s: %s%n", id.getDisplayName(), result.getThrowable().map(Throwable::toString).orElse(""));
                    }
                    return;
                }
                long ms = (System.nanoTime() - started.getOrDefault(id.getUniqueId(), System.nanoTime())) / 1_000_000L;
                TestOutcome.Status status = switch (result.getStatus()) {
                    case SUCCESSFUL -> TestOutcome.Status.PASSED;
                    case ABORTED -> result.getThrowable().filter(org.mepkit.bench.KnownDefect.class::isInstance).isPresent()
                            ? TestOutcome.Status.KNOWN_DEFECT : TestOutcome.Status.SKIPPED;
                    case FAILED -> TestOutcome.Status.FAILED;
                };
                add(id, status, ms, result.getThrowable().map(SuiteRunner::message).orElse(""));
            }

            private synchronized void add(TestIdentifier id, TestOutcome.Status status, long ms, String message) {
                BenchRuntime.Capture c = BenchRuntime.captures().get(id.getUniqueId());
                String group = id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                        .map(m -> groupOf(m.getClassName())).orElse("suite");
                TestOutcome o = new TestOutcome(group, id.getDisplayName(), id.getUniqueId(), status, ms, message,
                        c == null ? List.of() : c.console(), c == null ? List.of() : c.notes());
                outcomes.add(o);
                progress.printf("%-5s %-12s %s (%d ms)%s%n", switch (status) {
                    case PASSED -> "ok";
                    case FAILED -> "FAIL";
                    case KNOWN_DEFECT -> "KNOWN";
                    case SKIPPED -> "skip";
                }, group, id.getDisplayName(), ms, message.isEmpty() ? "" : "\n       " + message);
                progress.flush();
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, listener);
        return new SuiteResult(bench.describe(), List.copyOf(outcomes), (System.nanoTime() - t0) / 1_000_000L);
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        String first = m == null ? t.getClass().getSimpleName() : m.lines().findFirst().orElse("");
        return first.length() > 400 ? first.substring(0, 400) + "…" : first;
    }

    static String groupOf(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        return switch (simple) {
            case "BootTest" -> "boot";
            case "MeterLinkTest" -> "meter-link";
            case "MeasurementsTest" -> "measurements";
            case "RecoveryTest" -> "recovery";
            case "AlertsTest" -> "alerts";
            case "RobustnessTest" -> "robustness";
            case "MqttTest" -> "mqtt";
            default -> simple;
        };
    }
}
