package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mepkit.serial.net.Ser2net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code mep perf farm --json}: the figures' shape and the exit code that follows targets_met (no timing asserted). */
class PerfFarmCommandTest {

    final MepCli mep = new MepCli();
    final StringWriter out = mep.out;
    final StringWriter err = mep.err;

    int run(String... args) {
        return mep.run(args);
    }

    @Test
    void printsOneObjectWithEveryRunAndItsBoardsAndExitsByTargetsMet() throws Exception {
        Assumptions.assumeTrue(Ser2net.installed(), "ser2net is not installed (./test-all installs it)");
        int code = run("perf", "farm", "--boards", "2", "--group", "boot", "--time-scale", "20", "--json");
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals(1, out.toString().strip().lines().count(), out.toString());
        assertEquals(2, j.get("runs").size(), "the 1-board baseline is run first");
        assertEquals(1, j.get("runs").get(0).get("boards").asInt());
        assertEquals(1.0, j.get("runs").get(0).get("ratio").asDouble());
        JsonNode two = j.get("runs").get(1);
        assertEquals(2, two.get("boards").asInt());
        assertEquals(2, two.get("per_board").size());
        assertEquals("board-2", two.get("per_board").get(1).get("board").asText());
        assertEquals(4, two.get("per_board").get(1).get("tests").asInt(), "BootTest's four tests, slow Wi-Fi included");
        assertTrue(two.get("wall_s").asDouble() > 0);
        assertEquals(j.get("targets_met").asBoolean() ? 0 : 1, code, err.toString());
    }

    @Test
    void badBoardCountsAreUsageErrors() {
        assertEquals(2, run("perf", "farm", "--boards", "0"));
        assertTrue(err.toString().contains("--boards: each N must be 1..32"), err.toString());
    }
}
