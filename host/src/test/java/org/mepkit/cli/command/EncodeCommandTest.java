package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mepkit.cli.ExitCodes;
import org.mepkit.mep.frame.TestVectors;
import org.mepkit.util.Hex;

class EncodeCommandTest {

    static final String KEY = "mK7#pQ2v9LxT4wZb8NcR";

    static List<TestVectors> vectors() {
        return TestVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void printsEveryVectorPacketExactly(TestVectors v) {
        CliRun r = CliRun.run("encode", "--key", v.key(), "--seq", Long.toString(v.seq()), Hex.lower(v.body()));
        assertEquals(0, r.exit(), r.err());
        assertEquals(Hex.lower(v.packet()) + System.lineSeparator(), r.out());
        assertEquals("", r.err());
        assertNoKey(r, v.key());
    }

    @Test
    void takesTheKeyFromAFileOrTheEnvironmentAndTheBodyInPieces(@TempDir Path dir) throws IOException {
        String expected = "00143f0017000000000d1f2e3d4c314c7740afb2f87f" + System.lineSeparator();
        Path file = dir.resolve("key.txt");
        Files.writeString(file, KEY + "\r\nsecond line ignored\n");
        CliRun fromFile = CliRun.run("encode", "--key-file", file.toString(), "--seq", "0x1F2E3D4C", "3f 00 17", "00 00 00", "00 0d");
        assertEquals(expected, fromFile.out(), fromFile.err());
        CliRun fromEnv = CliRun.run(Map.of("MEP_KEY", KEY), "encode", "--seq", "523124044", "3f0017000000000d");
        assertEquals(expected, fromEnv.out(), fromEnv.err());
        assertNoKey(fromFile, KEY);
        assertNoKey(fromEnv, KEY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(value = {
            "bad hex|3g00|3|mep: body: invalid hex: 'g' at position 2",
            "odd length|30003|3|mep: body: invalid hex: odd number of digits (5)",
            "negative seq|30|2|mep: --seq '-5' is not a sequence number 0..4294967295",
            "seq over 32 bits|30|2|mep: --seq '4294967296' is not a sequence number 0..4294967295"}, delimiter = '|')
    void badInputGivesOneLineAndTheRightExitCode(String what, String body, int exit, String message) {
        String seq = what.equals("negative seq") ? "-5" : what.equals("seq over 32 bits") ? "4294967296" : "1";
        CliRun r = CliRun.run("encode", "--key", KEY, "--seq", seq, body);
        assertEquals(exit, r.exit(), r.err());
        assertEquals(message, r.err().strip());
        assertTrue(r.oneLineError());
        assertEquals("", r.out());
        assertNoKey(r, KEY);
    }

    @Test
    void anOversizeBodyIsRefused() {
        CliRun r = CliRun.run("encode", "--key", KEY, "--seq", "0", "00".repeat(499));
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertEquals("mep: body has 499 bytes; at most 498 fit the firmware's 512-byte request buffer", r.err().strip());
        CliRun ok = CliRun.run("encode", "--key", KEY, "--seq", "0", "00".repeat(498));
        assertEquals(0, ok.exit());
        assertEquals(2 * 512, ok.out().strip().length());
    }

    @Test
    void keyProblemsAreOneLineAndNeverEchoTheKey(@TempDir Path dir) throws IOException {
        String longKey = "ThisKeyIsWayTooLong123";
        CliRun tooLong = CliRun.run("encode", "--key", longKey, "--seq", "0", "30");
        assertEquals(ExitCodes.BAD_INPUT, tooLong.exit());
        assertEquals("mep: the MBK key has 22 characters; at most 20 are allowed (from --key)", tooLong.err().strip());
        assertNoKey(tooLong, longKey);

        CliRun empty = CliRun.run("encode", "--key", "", "--seq", "0", "30");
        assertEquals(ExitCodes.BAD_INPUT, empty.exit());
        assertEquals("mep: the MBK key is empty (from --key)", empty.err().strip());

        Path emptyFile = dir.resolve("empty.txt");
        Files.writeString(emptyFile, "\n");
        CliRun emptyFileRun = CliRun.run("encode", "--key-file", emptyFile.toString(), "--seq", "0", "30");
        assertEquals(ExitCodes.BAD_INPUT, emptyFileRun.exit());
        assertTrue(emptyFileRun.oneLineError());

        CliRun none = CliRun.run("encode", "--seq", "0", "30");
        assertEquals(ExitCodes.USAGE, none.exit());
        assertEquals("mep: no MBK key: give --key, --key-file or set MEP_KEY", none.err().strip());

        CliRun both = CliRun.run("encode", "--key", KEY, "--key-file", emptyFile.toString(), "--seq", "0", "30");
        assertEquals(ExitCodes.USAGE, both.exit());
        assertNoKey(both, KEY);

        CliRun missing = CliRun.run("encode", "--key-file", dir.resolve("nope").toString(), "--seq", "0", "30");
        assertEquals(ExitCodes.BAD_INPUT, missing.exit());
        assertTrue(missing.err().strip().endsWith(": no such file"), missing.err());

        CliRun badEnv = CliRun.run(Map.of("MEP_KEY", "é-secret"), "encode", "--seq", "0", "30");
        assertEquals(ExitCodes.BAD_INPUT, badEnv.exit());
        assertNoKey(badEnv, "é-secret");
    }

    static void assertNoKey(CliRun r, String key) {
        assertFalse(r.out().contains(key), "key in stdout");
        assertFalse(r.err().contains(key), "key in stderr");
    }
}
