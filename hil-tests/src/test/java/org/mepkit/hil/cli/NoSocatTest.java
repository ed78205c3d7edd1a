package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job needs Java and nothing else: with socat (and KiCad, esptool) hidden from PATH, {@code mep demo}
 * and every command that runs a virtual device work, each in its own JVM as a user runs them.
 */
class NoSocatTest {

    @TempDir
    Path dir;

    Map<String, String> env;

    @BeforeEach
    void pathWithoutSocat() throws Exception {
        Path bin = ChildMep.pathWithout(dir.resolve("bin"), "socat", "kicad-cli", "esptool", "esptool.py");
        assertFalse(Files.exists(bin.resolve("socat")));
        env = Map.of("PATH", bin.toString(), "ESPTOOL", "", "HOME", Files.createDirectories(dir.resolve("home")).toString());
    }

    @Test
    void theDemoRunsToItsEndAndPasses() throws Exception {
        Path out = dir.resolve("demo");
        long t0 = System.nanoTime();
        try (ChildMep mep = ChildMep.start(dir, env, "demo", "--out", out.toString())) {
            assertEquals(0, mep.exitCode(Duration.ofMinutes(5)), mep.out() + mep.err());
            System.out.printf("mep demo without socat: exit 0 in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            assertTrue(mep.out().contains("== mep demo summary =="), mep.out());
            assertEquals(List.of(), mep.tmpLeftovers(), "the demo leaves nothing in $TMPDIR");
        }
        assertTrue(Files.readString(out.resolve("index.html")).contains("PASSED"));
    }

    @Test
    void perfPollPerfOpticalDiagnoseBoardAndBoardEmulateNeedNoSocat() throws Exception {
        for (String benchmark : new String[] {"poll", "optical"}) {
            try (ChildMep mep = ChildMep.start(dir, env, "perf", benchmark, "--runs", "2", "--warmup", "0")) {
                int code = mep.exitCode(Duration.ofMinutes(1));
                assertTrue(code == 0 || code == 1, "perf " + benchmark + " measured (1 = the ratio target missed on a loaded machine): "
                        + mep.out() + mep.err());
                assertTrue(mep.out().contains("targets_met: "), mep.out());
                assertEquals(List.of(), mep.tmpLeftovers(), "perf " + benchmark + " leaves nothing in $TMPDIR");
            }
        }
        try (ChildMep mep = ChildMep.start(dir, env, "diagnose", "board", "--max3232", "genuine", "--out", dir.resolve("d").toString())) {
            assertEquals(0, mep.exitCode(Duration.ofMinutes(1)), mep.out() + mep.err());
            assertTrue(mep.out().contains("verdict: GOOD"), mep.out());
            assertEquals(List.of(), mep.tmpLeftovers(), "diagnose board leaves nothing in $TMPDIR");
        }
        Map<String, String> withKey = new java.util.HashMap<>(env);
        withKey.put("MEP_KEY", "Tq8#mLz2Vx4Pw9Rk6Nb3");
        try (ChildMep mep = ChildMep.start(dir, withKey, "board", "emulate", "--max3232", "genuine", "--demo-image")) {
            mep.awaitOutput("the board's ports", t -> t.contains("meter side (J6, 9600 8N1): /dev/pts/"), Duration.ofMinutes(1));
            assertFalse(mep.tmpLeftovers().isEmpty(), "while it runs, the twin's flash (with MEP_KEY) is in $TMPDIR");
            mep.sigint();
            assertEquals(130, mep.exitCode(Duration.ofSeconds(30)), mep.out() + mep.err());
            assertEquals(List.of(), mep.tmpLeftovers(), "board emulate takes its flash file (MEP_KEY) with it");
        }
    }
}
