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

/** {@code mep perf optical --json} prints one JSON object with the session's figures (no timing target asserted). */
class PerfOpticalCommandTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int mep(String... args) {
        picocli.CommandLine cli = MepCommand.commandLine(List.of(new MeterContributions.PerfOptical()));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsOneJsonObjectWithTheSessionItsWireTimeAndTheRatio() throws Exception {
        int code = mep("perf", "optical", "--json", "--runs", "1", "--warmup", "0");
        assertEquals(1, out.toString().strip().lines().count(), out.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(json.get("targets_met").asBoolean() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED, code, err.toString());
        assertEquals("ratio", json.get("targets").get(0).get("figure").asText());
        assertEquals("<= 1.1", json.get("targets").get(0).get("target").asText());
        long bytes = json.get("client_bytes").asLong() + json.get("meter_bytes").asLong();
        assertEquals(bytes * 10 / 9600.0, json.get("wire_s").asDouble(), 1e-6, "every byte both ends sent, 10 bits at 9600 baud");
        assertTrue(json.get("session_s").asDouble() >= json.get("wire_s").asDouble(), "half duplex: never shorter than the wire");
        assertEquals(0, json.get("retransmissions").asInt(), "a clean link");
    }

    @Test
    void badRunCountsAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, mep("perf", "optical", "--runs", "0"));
        assertEquals("mep: --runs must be 1..1000" + System.lineSeparator(), err.toString());
    }
}
