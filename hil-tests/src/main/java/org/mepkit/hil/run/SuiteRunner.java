package org.mepkit.hil.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.mepkit.bench.Bench;
import org.mepkit.bench.BenchFactory;
import org.mepkit.bench.BenchRuntime;
import org.mepkit.report.Redactor;
import org.mepkit.report.ReportInfo;
import org.mepkit.serial.SerialLine;
import org.mepkit.util.Scratch;

/**
 * Runs the HIL suite ({@code org.mepkit.hil.suite}) through the JUnit Platform launcher on the given bench,
 * printing one progress line per test, and collects the outcomes with the captured console logs.
 *
 * <p>The bench is checked first ({@link #checkBench}): a bench that cannot start is one {@link BenchSetupException},
 * not a failure of every test. The launcher runs on its own thread; an interrupt of the calling thread (Ctrl-C,
 * see {@code org.mepkit.cli.Interrupts}) ends the run where it stands and the result keeps what finished.
 */
public final class SuiteRunner {

    public static final String SUITE_PACKAGE = "org.mepkit.hil.suite";

    /** The bench could not be opened before any test ran: ports, power control, the virtual board. */
    public static final class BenchSetupException extends IOException {
        public BenchSetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private SuiteRunner() {
    }

    /** @param tags JUnit tag expressions to include (suite groups); empty = all */
    public static SuiteResult run(BenchFactory bench, List<String> tags, PrintWriter progress) {
        return run(bench, tags, progress, null);
    }

    /**
     * As {@link #run(BenchFactory, List, PrintWriter)}, also writing the JUnit XML of the run to {@code junitXml}
     * (when not null) through the platform's {@link LegacyXmlReportGeneratingListener}, also when interrupted.
     */
    public static SuiteResult run(BenchFactory bench, List<String> tags, PrintWriter progress, Path junitXml) {
        return run(SUITE_PACKAGE, bench, tags, progress, junitXml);
    }

    static SuiteResult run(String suitePackage, BenchFactory bench, List<String> tags, PrintWriter progress, Path junitXml) {
        String run = BenchRuntime.install(bench);
        ReportInfo info = ReportInfo.now(bench.describe(), bench.firmware());
        LauncherDiscoveryRequestBuilder b = LauncherDiscoveryRequestBuilder.request().selectors(selectPackage(suitePackage))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter(BenchRuntime.RUN_PARAMETER, run);
        if (!tags.isEmpty()) b.filters(TagFilter.includeTags(tags));
        LauncherDiscoveryRequest request = b.build();
        Scratch xmlScratch;
        try {
            xmlScratch = junitXml == null ? null : Scratch.create("junit"); // JUnit's own XML, before redaction
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path xmlDir = xmlScratch == null ? null : xmlScratch.dir();
        Redactor redactor = Redactor.firmware().withSecrets(bench.secrets());
        SuiteRecorder recorder = new SuiteRecorder(run, progress, xmlDir == null ? null : new LegacyXmlReportGeneratingListener(xmlDir, progress), redactor);
        long t0 = System.nanoTime();
        Launcher launcher = LauncherFactory.create();
        Thread worker = new Thread(() -> launcher.execute(request, recorder), "hil-suite");
        worker.setDaemon(true);
        worker.start();
        boolean interrupted = false;
        try {
            worker.join();
        } catch (InterruptedException e) {
            interrupted = true;
            recorder.interrupt();
            worker.interrupt();
        }
        SuiteResult result = new SuiteResult(bench.describe(), recorder.outcomes(), (System.nanoTime() - t0) / 1_000_000L,
                interrupted, info);
        BenchRuntime.release(run);
        if (xmlScratch != null) {
            try (xmlScratch) {
                JunitXml.finish(xmlDir, junitXml, result, redactor);
            }
        }
        return result;
    }

    /** Opens the bench and both its ports once, before any test: a bench that cannot start fails here, once. */
    public static void checkBench(BenchFactory factory) throws BenchSetupException {
        try (Bench bench = factory.open()) {
            try (SerialLine console = bench.openConsole(); SerialLine meter = bench.openMeterSide()) {
                // both ports open: the bench can start
            }
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new BenchSetupException("the bench cannot start (" + factory.describe() + "): " + m, e);
        }
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
