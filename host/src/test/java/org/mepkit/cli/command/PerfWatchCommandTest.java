package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mepkit.cli.MepCommand;
import org.mepkit.cli.spi.CommandContribution;

/** {@code mep perf watch --json}: the figures, the targets and the exit code that follows them (not how fast it was). */
class PerfWatchCommandTest {

    @Test
    @DisplayName("one object: MEP and optical freshness against upstream, the soak, every target, targets_met deciding the exit")
    void oneObject() throws Exception {
        picocli.CommandLine cli = MepCommand.commandLine(List.of(new CommandContribution() {
            @Override public String parent() { return "perf"; }
            @Override public Object command() { return new PerfWatchCommand(); }
        }));
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        int code = cli.execute("perf", "watch", "--runs", "5", "--soak-minutes", "0.5", "--json");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(json.get("targets_met").asBoolean() ? 0 : 1, code);
        assertEquals(2.27, json.get("upstream_cycle_s").asDouble());
        for (String path : List.of("mep", "optical")) {
            JsonNode f = json.get(path);
            assertTrue(f.get("published").asInt() >= 3, path + ": a sample replaced by a newer one before it went out is not counted");
            assertTrue(f.get("freshness_s").asDouble() > f.get("host_age_s").asDouble(), path + ": the wire time is counted");
            assertTrue(f.get("upstream_freshness_s").asDouble() > 1.135, path);
        }
        JsonNode soak = json.get("soak");
        assertTrue(soak.get("mode").asText().startsWith("time-scaled"));
        assertTrue(soak.get("rss_start_mib").asDouble() > 0 && soak.get("threads_start").asInt() > 0,
                "the growth is measured from a real baseline: " + soak);
        assertEquals(List.of("mep_freshness_ratio", "soak_rss_growth_mib", "soak_heap_growth_mib", "soak_thread_growth"),
                json.get("targets").findValuesAsText("figure"));
    }
}
