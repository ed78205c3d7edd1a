package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.serial.net.Ser2net;

/**
 * The long commands not covered by {@link CtrlCTest}, {@link NoSocatTest} and {@link FlashLeavesNothingTest}, each
 * in its own JVM with a temporary folder of its own, compared before (empty) and after: nothing is left.
 */
class LongCommandsLeaveNothingTest {

    @TempDir
    Path dir;

    @Test
    void perfWatchWithItsBrokerAndSoakLeavesNothing() throws Exception {
        try (ChildMep mep = ChildMep.start(dir, Map.of(), "perf", "watch", "--runs", "5", "--soak-minutes", "1")) {
            int code = mep.exitCode(Duration.ofMinutes(2));
            assertTrue(code == 0 || code == 1, "measured (1 = a target missed on a loaded machine): " + mep.out() + mep.err());
            assertEquals(List.of(), mep.tmpLeftovers(), "mosquitto's config and the soak's log go with the run");
        }
    }

    @Test
    void aFarmOfVirtualBoardsBehindSer2netLeavesNothingInTmpOrBesideItsReports() throws Exception {
        Assumptions.assumeTrue(Ser2net.installed(), "ser2net is not installed (./test-all installs it)");
        Path out = dir.resolve("farm");
        try (ChildMep mep = ChildMep.start(dir, Map.of(), "bench", "--parallel", "2", "--group", "boot", "--out", out.toString())) {
            assertEquals(0, mep.exitCode(Duration.ofMinutes(3)), mep.out() + mep.err());
            assertEquals(List.of(), mep.tmpLeftovers(), "the twins' flash files and ser2net's configs go with the run");
        }
        assertTrue(java.nio.file.Files.notExists(out.resolve(".exporters")), "no working files beside the reports");
    }
}
