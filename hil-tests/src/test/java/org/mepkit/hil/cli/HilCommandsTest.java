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
        assertTrue(out.toString().contains("3 tests: 3 passed, 0 failed, 0 skipped"), out.toString());
        assertTrue(Files.readString(report.resolve("TEST-mep-bench.xml")).contains("<testsuite name=\"hil.boot\""));
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
}
