package org.mepkit.cli.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep over encode and decode, successes and failures, with the key from each source: the key text never shows. */
class KeyNeverPrintedTest {

    static final String KEY = "Zq9#SecretMbk-7Tx!Lw";
    static final String REQUEST = "0011300034020000000000d701b2bc54f3178e"; // a vector packet of another key

    @Test
    void noOutputOfAnyRunContainsTheKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("key");
        Files.writeString(file, KEY + "\n");
        List<String[]> sources = List.of(new String[] {"--key", KEY}, new String[] {"--key-file", file.toString()}, new String[0]);
        List<String[]> tails = List.of(
                new String[] {"encode", "--seq", "7", "3000340200"},
                new String[] {"encode", "--seq", "7", "30zz"},
                new String[] {"encode", "--seq", "nope", "30"},
                new String[] {"encode", "--seq", "1", "00".repeat(499)},
                new String[] {"decode", REQUEST},
                new String[] {"decode", "--json", REQUEST},
                new String[] {"decode", "--json", "--table", "BT52", "000a00000718031c11171b04"},
                new String[] {"decode", "--table", "BT28", "000a00000718031c11171b04"},
                new String[] {"decode", "ffff"},
                new String[] {"decode", "--bogus", "0000"});
        int runs = 0;
        int mismatches = 0;
        for (String[] source : sources) {
            for (String[] tail : tails) {
                List<String> args = new ArrayList<>(List.of(tail[0]));
                args.addAll(List.of(source));
                args.addAll(List.of(tail).subList(1, tail.length));
                Map<String, String> env = source.length == 0 ? Map.of("MEP_KEY", KEY) : Map.of();
                CliRun r = CliRun.run(env, args.toArray(String[]::new));
                assertFalse(r.out().contains(KEY), "key in stdout of " + args);
                assertFalse(r.err().contains(KEY), "key in stderr of " + args);
                if (r.out().contains("MISMATCH")) mismatches++;
                runs++;
            }
        }
        assertTrue(runs == 30 && mismatches == 6, "every source reached the digest check (" + mismatches + " mismatches)");
    }
}
