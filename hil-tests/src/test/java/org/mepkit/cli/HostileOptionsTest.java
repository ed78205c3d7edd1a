package org.mepkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/**
 * Out-of-range option values are usage errors (exit 2, one line naming the option), never an internal error (70),
 * a stack trace, a 2 GB file or a bench that crawls. {@code FILE} stands for an existing regular file.
 */
class HostileOptionsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "mep {0}")
    @ValueSource(strings = {
            "perf flash --runs 0",
            "perf flash --runs -1",
            "perf poll --runs 0",
            "perf optical --runs 0",
            "demo --out FILE",
            "bench --time-scale 0.001 --group boot",
            "bench --time-scale 0",
            "nvs build --size 0x7ffff000 -o OUT",
            "flash --baud 0 --port FILE DIR",
            "flash --connect-attempts -1 --port FILE DIR",
    })
    void isAUsageErrorInOneLine(String command) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        String[] args = command.replace("FILE", file.toString()).replace("OUT", dir.resolve("nvs.bin").toString())
                .replace("DIR", dir.toString()).split(" ");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MepCommand.commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        assertEquals(ExitCodes.USAGE, code, out + "\n" + err);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertFalse(err.toString().contains("internal error") || err.toString().contains("Exception"), err.toString());
        assertFalse(Files.exists(dir.resolve("nvs.bin")), "nothing written");
    }
}
