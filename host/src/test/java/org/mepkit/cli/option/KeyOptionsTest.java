package org.mepkit.cli.option;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.mep.key.MbkKey;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class KeyOptionsTest {

    @Command(name = "holder")
    static final class Holder {
        @Mixin
        KeyOptions keys;
    }

    private static KeyOptions parse(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        return h.keys;
    }

    @Test
    void anOptionWinsOverTheEnvironment() {
        assertEquals(MbkKey.of("fromOption"), parse("--key", "fromOption").key(Map.of("MEP_KEY", "fromEnv")));
        assertEquals(MbkKey.of("fromEnv"), parse().key(Map.of("MEP_KEY", "fromEnv")));
    }

    @Test
    void theKeyFileGivesItsFirstLineWithoutTheLineEnd(@TempDir Path dir) throws IOException {
        Path crlf = dir.resolve("crlf");
        Files.writeString(crlf, "line one key\r\nline two");
        assertEquals("line one key", parse("--key-file", crlf.toString()).key(Map.of()).reveal());
        Path bare = dir.resolve("bare");
        Files.writeString(bare, "no newline");
        assertEquals("no newline", parse("--key-file", bare.toString()).key(Map.of()).reveal());
    }

    @Test
    void noKeyIsEmptyForOptionalUseAndAUsageErrorOtherwise() {
        assertTrue(parse().keyIfGiven(Map.of()).isEmpty());
        MepException e = assertThrows(MepException.class, () -> parse().key(Map.of()));
        assertEquals(ExitCodes.USAGE, e.exitCode());
    }

    @Test
    void errorsNameTheSourceNotTheKey(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("k");
        Files.writeString(f, "x".repeat(21) + "\n");
        MepException e = assertThrows(MepException.class, () -> parse("--key-file", f.toString()).key(Map.of()));
        assertEquals(ExitCodes.BAD_INPUT, e.exitCode());
        assertEquals("the MBK key has 21 characters; at most 20 are allowed (from key file " + f + ")", e.getMessage());
        assertFalse(e.getMessage().contains("x".repeat(21)));
        MepException env = assertThrows(MepException.class, () -> parse().key(Map.of("MEP_KEY", "")));
        assertEquals("the MBK key is empty (from MEP_KEY)", env.getMessage());
    }
}
