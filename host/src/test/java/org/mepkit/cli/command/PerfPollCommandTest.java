package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepCommand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code mep perf poll --json} prints one JSON object with the benchmark's figures (no timing target asserted). */
class PerfPollCommandTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int mep(String... args) {
        picocli.CommandLine cli = MepCommand.commandLine(List.of(new MeterContributions.PerfPoll()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsOneJsonObjectWithWireCycleAndRatio() throws Exception {
        int code = mep("perf", "poll", "--json", "--runs", "2", "--warmup", "0");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(json.get("targets_met").asBoolean() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED, code, err.toString());
        assertEquals("ratio", json.get("targets").get(0).get("figure").asText());
        assertEquals("<= 1.05", json.get("targets").get(0).get("target").asText());
        assertEquals(2, json.get("count").asInt());
        assertEquals(0.3125, json.get("wire_s").asDouble(), 1e-6, "(41 + 259) bytes x 10 bits / 9600 baud");
        assertTrue(json.get("cycle_s").asDouble() >= json.get("wire_s").asDouble(), json.toString());
        assertTrue(json.has("ratio") && json.has("p95_s"), json.toString());
        assertEquals(1, out.toString().strip().lines().count());
    }

    @Test
    void badCycleCountsAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, mep("perf", "poll", "--runs", "0"));
        assertEquals("mep: --runs must be 1..10000" + System.lineSeparator(), err.toString());
    }
}
