package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepCommand;
import org.mepkit.esp.image.ImageBuilder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/**
 * {@code mep perf flash}: with a real esptool (skipped with the reason when none is found) it times mep flash and
 * the bare esptool job as whole processes against a paced twin, and a batch over two twins; the figures and the
 * verdict are checked, never the speed (a test on a shared machine must not judge timing).
 */
class PerfFlashCommandTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = MepCommand.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path smallApp() throws Exception {
        return Files.write(dir.resolve("small.bin"), ImageBuilder.app().codeBytes(20_000).build());
    }

    @Test
    void fewerThanFiveRunsAreRefused() {
        assertEquals(ExitCodes.USAGE, run("perf", "flash", "--runs", "3"));
        assertTrue(err.toString().contains("--runs must be at least 5"), err.toString());
    }

    @Test
    void timesMepFlashAndTheBareEsptoolJobAsWholeProcessesAgainstAPacedTwin() throws Exception {
        DemoFlasherTest.realEsptool();
        int exit = run("perf", "flash", "--json", "--app", smallApp().toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertTrue(j.get("esptool_s").asDouble() > 0 && j.get("mep_s").asDouble() > 0, out.toString());
        assertEquals(j.get("mep_s").asDouble() / j.get("esptool_s").asDouble(), j.get("ratio").asDouble(), 0.001);
        assertEquals(5, j.get("mep_runs_s").size());
        assertEquals(460800, j.get("baud").asInt());
        assertEquals("ratio", j.get("targets").get(0).get("figure").asText());
        assertEquals("<= 1.03", j.get("targets").get(0).get("target").asText());
        assertEquals(j.get("targets_met").asBoolean() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED, exit, err.toString());
    }

    @Test
    void timesABatchOverSeveralPacedTwinsAgainstOneBoardAlone() throws Exception {
        DemoFlasherTest.realEsptool();
        int exit = run("perf", "flash", "--json", "--boards", "2", "--app", smallApp().toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals(2, j.get("boards").asInt(), out.toString() + err);
        assertTrue(j.get("batch_s").asDouble() > 0 && j.get("one_board_s").asDouble() > 0, out.toString());
        assertEquals(j.get("one_board_s").asDouble() / j.get("batch_s").asDouble(), j.get("parallel_efficiency").asDouble(), 0.001);
        assertEquals(">= 0.9", j.get("targets").get(0).get("target").asText());
        assertEquals(j.get("targets_met").asBoolean() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED, exit, err.toString());
    }

    @Test
    void withoutARealEsptoolItSaysItNeedsOne() throws Exception {
        try {
            DemoFlasherTest.realEsptool();
            Assumptions.abort("a real esptool is installed here");
        } catch (org.opentest4j.TestAbortedException expected) {
            if (expected.getMessage().contains("is installed here")) throw expected;
        }
        assertEquals(ExitCodes.TOOL, run("perf", "flash"));
        assertTrue(err.toString().startsWith("mep: perf flash times a real esptool: no esptool found"), err.toString());
    }
}
