package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.serial.PortLock;
import org.mepkit.serial.net.Ser2net;

/** {@code mep bench} on a farm: a config listing boards, or --parallel N virtual boards; the port locks. */
class FarmBenchCommandTest {

    @TempDir
    Path dir;

    final MepCli mep = new MepCli();
    final StringWriter out = mep.out;
    final StringWriter err = mep.err;

    int run(String... args) {
        return mep.run(args);
    }

    @Test
    void aFarmConfigIsBenchedInParallelWithOneJunitXmlPerBoardAndOneMergedReport() throws Exception {
        Assumptions.assumeTrue(Ser2net.installed(), "ser2net is not installed (./test-all installs it)");
        Path farm = Files.writeString(dir.resolve("farm.yaml"), """
                name: twin-farm
                boards:
                  - name: twin-a
                    virtual: {seed: 21, timeScale: 5}
                  - name: twin-b
                    virtual: {seed: 22, timeScale: 5}
                  - name: twin-c
                    virtual: {seed: 23, timeScale: 5, export: false}
                """);
        Path report = dir.resolve("r");
        assertEquals(0, run("bench", "--config", farm.toString(), "--parallel", "3", "--group", "boot", "--out", report.toString()),
                out + "\n" + err);
        for (String board : new String[] {"twin-a", "twin-b", "twin-c"}) {
            String xml = Files.readString(report.resolve(board).resolve("TEST-mep-bench.xml"));
            assertTrue(xml.contains("tests=\"4\"") && xml.contains("failures=\"0\""), board + ": " + xml);
            assertTrue(xml.contains(board + ": virtual board"), board + ": the XML names its board");
        }
        String merged = Files.readString(report.resolve("report.html"));
        assertTrue(merged.contains("3 boards: 3 passed, 0 failed"), merged);
        for (String board : new String[] {"twin-a", "twin-b", "twin-c"}) assertTrue(merged.contains(board + ": virtual board"), board);
        assertTrue(merged.contains("behind ser2net (rfc2217://127.0.0.1:"), "exported boards are named by their URLs");
        assertTrue(out.toString().contains("[twin-b] ok "), out.toString());
        assertTrue(out.toString().contains("3 boards: 3 passed, 0 failed"), out.toString());
    }

    @Test
    void parallelWithoutAConfigBenchesThatManyVirtualBoardsBehindSer2net() throws Exception {
        Assumptions.assumeTrue(Ser2net.installed(), "ser2net is not installed (./test-all installs it)");
        Path report = dir.resolve("r");
        assertEquals(0, run("bench", "--parallel", "2", "--group", "boot", "--seed", "5", "--time-scale", "5", "--out", report.toString(),
                "--json"), out + "\n" + err);
        assertTrue(Files.isRegularFile(report.resolve("board-1").resolve("TEST-mep-bench.xml")));
        assertTrue(Files.isRegularFile(report.resolve("board-2").resolve("TEST-mep-bench.xml")));
        assertTrue(err.toString().contains("2 boards: 2 passed, 0 failed"), "with --json the progress goes to stderr: " + err);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(1, out.toString().strip().lines().count(), out.toString());
        assertTrue(json.get("passed").asBoolean());
        assertEquals("board-2", json.get("boards").get(1).get("board").asText());
        assertEquals(4, json.get("boards").get(1).get("counts").get("tests").asInt());
        assertEquals(report.resolve("board-2").resolve("TEST-mep-bench.xml").toString(), json.get("boards").get(1).get("junit_xml").asText());
    }

    @Test
    void aSecondBenchOnAPortInUseStopsAtOnceWithExit4NamingTheFirst() throws Exception {
        String console = "rfc2217://lock-test-" + UUID.randomUUID().toString().substring(0, 8) + ":4000";
        Files.writeString(dir.resolve("key.txt"), "ABCDEFGHIJKLMNOPQRST\n");
        Path bench = Files.writeString(dir.resolve("bench.yaml"), """
                name: second
                console: {path: "%s"}
                meter: {path: "rfc2217://127.0.0.1:9"}
                mepKeyFile: key.txt
                power: {on: "true", off: "true"}
                """.formatted(console));
        try (PortLock first = PortLock.acquire(PortLock.defaultDirectory(), console, "bench 'first'")) {
            assertEquals(4, run("bench", "--config", bench.toString(), "--group", "boot", "--out", dir.resolve("r").toString()));
            assertTrue(err.toString().startsWith("mep: " + console + ": in use by bench 'first' (pid "), err.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
            err.getBuffer().setLength(0);
            assertEquals(4, run("bench", "--config", bench.toString(), "--parallel", "2", "--group", "boot", "--out", dir.resolve("r").toString()));
            assertTrue(err.toString().startsWith("mep: " + console + ": in use by bench 'first'"), err.toString());
        }
    }
}
