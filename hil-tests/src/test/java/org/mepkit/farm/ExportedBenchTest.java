package org.mepkit.farm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.bench.Bench;
import org.mepkit.bench.BoardDiagnosis;
import org.mepkit.bench.VirtualBenchFactory;
import org.mepkit.hil.run.SuiteResult;
import org.mepkit.hil.run.SuiteRunner;
import org.mepkit.serial.net.Ser2net;
import org.mepkit.sim.max3232.Max3232Profile;

/** The bench suite and the board diagnosis on a virtual board whose ports are reached through a real ser2net. */
class ExportedBenchTest {

    @TempDir
    Path dir;

    ExportedBenchFactory exported(Max3232Profile profile, long seed) throws Exception {
        Assumptions.assumeTrue(Ser2net.installed(), "ser2net is not installed (apt-get install -y ser2net; ./test-all does it)");
        return ExportedBenchFactory.start(VirtualBenchFactory.defaults(profile, 10, seed), dir.resolve("export"));
    }

    @Test
    void theBootAndMeterLinkGroupsPassThroughTheExporter() throws Exception {
        try (ExportedBenchFactory factory = exported(Max3232Profile.GENUINE, 1)) {
            StringWriter progress = new StringWriter();
            SuiteResult r = SuiteRunner.run(factory, List.of("boot", "meter-link"), new PrintWriter(progress, true));
            assertTrue(r.passed(), progress.toString());
            assertTrue(r.tests().size() >= 5, progress.toString());
            assertTrue(factory.describe().contains("behind ser2net (rfc2217://127.0.0.1:"), factory.describe());
        }
    }

    @Test
    void diagnoseBoardFindsAGenuineChipGoodThroughTheExporter() throws Exception {
        try (ExportedBenchFactory factory = exported(Max3232Profile.GENUINE, 3); Bench bench = factory.open()) {
            BoardDiagnosis d = BoardDiagnosis.run(bench, 20, t -> { });
            assertTrue(d.passed(), d.summary());
            assertTrue(d.firmware().firmwareRuns(), "the console came through the exporter: " + d.firmware().describe());
        }
    }
}
