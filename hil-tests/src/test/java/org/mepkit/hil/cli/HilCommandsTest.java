package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.MepCommand;
import picocli.CommandLine;

/** The hil-tests commands through the real command tree: exit codes, one-line errors, outputs. */
class HilCommandsTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String... args) {
        CommandLine cl = MepCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void benchRunsOneGroupOnTheVirtualBenchAndWritesBothReports() throws Exception {
        Path report = dir.resolve("r");
        assertEquals(0, run("bench", "--group", "boot", "--out", report.toString()), out + "\n" + err);
        assertTrue(out.toString().contains("4 tests: 4 passed, 0 failed, 0 skipped"), out.toString());
        String xml = Files.readString(report.resolve("TEST-mep-bench.xml"));
        assertTrue(xml.contains("name=\"mep bench: virtual board") && xml.contains("classname=\"org.mepkit.hil.suite.BootTest\""), xml);
        assertTrue(Files.readString(report.resolve("report.html")).contains("Preferences are valid"));
        assertTrue(!Files.readString(report.resolve("report.html")).contains("lab-wifi-pass-1"), "secrets redacted");
    }

    @Test
    void anUnknownGroupOrProfileIsAUsageError() {
        assertEquals(2, run("bench", "--group", "nope"));
        assertTrue(err.toString().contains("unknown group 'nope'"), err.toString());
        assertEquals(2, run("board", "emulate", "--max3232", "wobbly"));
        assertTrue(err.toString().contains("unknown MAX3232 profile 'wobbly'"), err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace for a user error");
    }

    @Test
    void demoWithAnEsptoolThatIsNotThereStopsWithOneLineBeforeTouchingTheBoard() {
        int code = run("demo", "--esptool", dir.resolve("no-esptool").toString(), "--out", dir.resolve("demo").toString());
        assertEquals(7, code, out + "\n" + err);
        assertTrue(err.toString().contains("does not exist"), err.toString());
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(!Files.exists(dir.resolve("demo").resolve("virtual-flash.bin")), "no board was started");
    }

    @Test
    void aMissingBenchConfigIsBadInput() {
        assertEquals(3, run("bench", "--config", dir.resolve("missing.yaml").toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void diagnoseBoardGivesTheChipVerdictForAVirtualBoard() {
        assertEquals(0, run("diagnose", "board", "--max3232", "genuine", "--out", dir.resolve("d").toString()), err.toString());
        assertTrue(out.toString().contains("verdict: GOOD"), out.toString());
        assertTrue(Files.exists(dir.resolve("d").resolve("index.html")));
        assertEquals(1, run("diagnose", "board", "--max3232", "dead", "--out", dir.resolve("e").toString()));
        assertTrue(out.toString().contains("verdict: DEAD"), out.toString());
    }

    /** The scenario: the project's fake esptool "verifies" 4 hashes without writing; the board stays blank. */
    @Test
    void demoWithAFakeEsptoolSaysTheBoardWasNotFlashedAndFailsWithoutBlamingTheChip() throws Exception {
        Path fake = org.mepkit.esptool.FakeEsptool.install(dir.resolve("fake"), "5.3.1", "ok", 0).executable();
        Path demo = dir.resolve("demo");
        int code = run("demo", "--esptool", fake.toString(), "--out", demo.toString());
        assertEquals(1, code, out + "\n" + err);
        assertTrue(out.toString().contains("NOT flashed") && out.toString().contains("never wrote to this board"), out.toString());
        assertTrue(!out.toString().contains("hash(es) verified,") || out.toString().contains("but the board's flash does not hold"),
                "esptool's word is never reported as verified on the target");
        assertTrue(!out.toString().contains("DEAD") && !out.toString().contains("replace the MAX3232"), out.toString());
        String index = Files.readString(demo.resolve("index.html"));
        assertTrue(index.contains("FAILED: the board was not flashed") && index.contains("not run"), index);
    }

    @Test
    void aBenchWhosePortsAreMissingIsOneSetupErrorNotAFailurePerTest() throws Exception {
        Files.writeString(dir.resolve("key.txt"), "Tq8#mLz2Vx4Pw9Rk6Nb3\n");
        Path config = Files.writeString(dir.resolve("bench.yaml"), "name: lab-1\nconsole: {path: " + dir.resolve("ttyNOPE0")
                + "}\nmeter: {path: " + dir.resolve("ttyNOPE1") + "}\nmepKeyFile: key.txt\n");
        int code = run("bench", "--config", config.toString(), "--out", dir.resolve("r").toString());
        assertEquals(4, code, out + "\n" + err);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("mep: the bench cannot start"), err.toString());
        assertTrue(!out.toString().contains("FAIL"), "no test ran: " + out);
    }
}
