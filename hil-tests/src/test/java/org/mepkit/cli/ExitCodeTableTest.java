package org.mepkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * One exit code per kind of fault, whatever the command: the README's table is the one {@link ExitCodes} defines,
 * and the same fault (a missing file, an unknown board, a missing or wrong port, a key read would refuse, a config
 * too large to be one) gets the same code and a line that names the file or the option. MISSING is a path that
 * does not exist, FILE a regular file that is no port, BAD a 7-byte file, BIG a file over 1 MiB, APP a valid app image.
 */
class ExitCodeTableTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("FILE"), "x");
        Files.writeString(dir.resolve("BAD"), "garbage");
        Files.write(dir.resolve("BIG"), new byte[(1 << 20) + 1]);
        Files.write(dir.resolve("APP"), org.mepkit.esp.image.ImageBuilder.app().build());
    }

    @Test
    void theReadmesTableIsTheOneTheCodeDefines() throws Exception {
        String readme = Files.readString(repoRoot().resolve("README.md"));
        String table = readme.substring(readme.indexOf("## Exit codes"));
        table = table.substring(0, table.indexOf("\n## ", 3));
        Map<Integer, String> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| (\\d+) \\| (.+) \\|$").matcher(table);
        while (row.find()) documented.put(Integer.parseInt(row.group(1)), row.group(2));
        Map<Integer, String> defined = new TreeMap<>();
        for (Field f : ExitCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) defined.put(f.getInt(null), f.getName());
        }
        assertEquals(defined.keySet(), documented.keySet(), "README rows " + documented.keySet() + " vs ExitCodes " + defined);
        assertEquals(List.of(), defined.keySet().stream().filter(c -> documented.get(c).isBlank()).toList());
    }

    @ParameterizedTest(name = "[{0}] mep {1}")
    @CsvSource(delimiter = ';', value = {
            // a file the user named does not exist: 3, and the line names it
            "3; nvs dump MISSING; MISSING",
            "3; image info MISSING; MISSING",
            "3; flash --port FILE --settings MISSING 0x10000=FILE; MISSING",
            "3; nvs build --settings MISSING -o OUT; MISSING",
            "3; bench --config MISSING; --config",
            "3; diagnose board --config MISSING; --config",
            "3; read --port FILE --key-file MISSING; MISSING",
            // a file that is not what the option takes: 3
            "3; board emulate --flash BAD; --flash",
            "3; nvs dump BAD; BAD",
            "3; image info BAD; BAD",
            "3; bench --config BIG; --config",
            "3; flash --port FILE --settings BIG 0x10000=FILE; BIG",
            // an unknown board name: 2 everywhere
            "2; board show no-such-board; no-such-board",
            "2; flash --board no-such-board --port FILE 0x10000=FILE; no-such-board",
            "2; bsp export --arduino --board no-such-board -o OUT; no-such-board",
            "2; board emulate --board no-such-board; no-such-board",
            // a port that is not there, or is no serial port: 4
            "4; read --port MISSING --key K1; MISSING",
            "4; meter simulate --port MISSING --key K1; MISSING",
            "4; diagnose chip --port MISSING --power dtr; MISSING",
            "4; flash --port MISSING 0x10000=APP; MISSING",
            "4; read --port FILE --key K1; not a serial port",
            "4; meter simulate --port FILE --key K1; not a serial port",
            // a key read would refuse is refused by every command that takes one: 3
            "3; read --port FILE --key-file BAD2; MBK key",
            "3; watch --port FILE --key-file BAD2; MBK key",
            "3; meter simulate --port FILE --key-file BAD2; MBK key",
            "3; nvs build --set mep_key=tab\tkey -o OUT; mep_key",
            "3; flash --port FILE --set mep_key=tab\tkey 0x10000=FILE; mep_key",
            // an address that is no number names itself, not another option
            "2; flash --port FILE 0xZZ=FILE; 0xZZ",
    })
    void theSameFaultGetsTheSameCodeInEveryCommand(int expected, String command, String named) throws Exception {
        Files.writeString(dir.resolve("BAD2"), "a key with a \u0001 in it\n");
        List<String> args = new ArrayList<>();
        for (String a : command.split(" ")) args.add(resolve(a));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MepCommand.commandLine(args.toArray(String[]::new));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args.toArray(String[]::new));
        String text = "mep " + String.join(" ", args) + "\n" + out + err;
        assertEquals(expected, code, text);
        List<String> lines = err.toString().strip().lines().filter(l -> !l.startsWith("mep: hint: ")).toList();
        assertEquals(1, lines.size(), text);
        assertTrue(lines.get(0).startsWith("mep: "), text);
        assertTrue(lines.get(0).contains(resolve(named)), "names " + named + ": " + text);
        assertFalse(err.toString().contains("Exception"), text);
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\b(MISSING|FILE|BAD2|BAD|BIG|APP|OUT)\\b");

    private String resolve(String word) {
        Matcher m = PLACEHOLDER.matcher(word.replace("\\t", "\t"));
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(dir.resolve(m.group(1).equals("OUT") ? "out" : m.group(1)).toString()));
        return m.appendTail(sb).toString();
    }

    static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("hil-tests"))) return p;
        }
        throw new AssertionError("no repository root above " + Path.of("").toAbsolutePath());
    }
}
