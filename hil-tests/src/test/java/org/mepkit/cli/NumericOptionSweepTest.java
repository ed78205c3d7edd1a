package org.mepkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every numeric option of every command, found in the command tree itself (a new option is swept without being
 * listed here), given a value no run can use: a negative number, an int that overflows, NaN and infinity for
 * decimals, a negative duration. Each is a usage error before anything starts: exit 2, one line naming the option,
 * never 70 or a stack trace, and never a run that goes ahead (bounded at {@link #BOUND}). Seeds are any long.
 */
class NumericOptionSweepTest {

    static final Duration BOUND = Duration.ofSeconds(20);

    /** What each command needs besides the swept option to get past its other checks: PORT is a regular file. */
    static final Map<String, String> BASE = Map.ofEntries(
            Map.entry("bench", "--group boot"),
            Map.entry("board emulate", ""),
            Map.entry("demo", "--out OUT"),
            Map.entry("diagnose board", "--out OUT"),
            Map.entry("diagnose chip", "--max3232 flaky --out OUT"),
            Map.entry("flash", "--port PORT --no-boot-check 0x10000=PORT"),
            Map.entry("meter simulate", "--port PORT --key K1"),
            Map.entry("perf farm", ""),
            Map.entry("perf flash", ""),
            Map.entry("perf optical", ""),
            Map.entry("perf poll", ""),
            Map.entry("perf recovery", ""),
            Map.entry("perf watch", ""),
            Map.entry("port export", "-o OUT"),
            Map.entry("read", "--port PORT --key K1"),
            Map.entry("watch", "--port PORT --key K1"));

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyNumericOptionRefusesValuesNoRunCanUse() {
        List<DynamicTest> tests = new ArrayList<>();
        collect(MepCommand.commandLine(), "", tests);
        assertTrue(tests.size() > 60, "the sweep found the options: " + tests.size());
        return tests.stream();
    }

    private void collect(CommandLine c, String path, List<DynamicTest> tests) {
        for (OptionSpec o : c.getCommandSpec().options()) {
            if (o.longestName().equals("--seed")) continue;
            for (String value : hostile(o.type())) {
                String name = path + " " + o.longestName() + " " + value;
                tests.add(DynamicTest.dynamicTest(name.strip(), () -> refused(path.strip(), o.longestName(), value)));
            }
        }
        c.getSubcommands().forEach((n, sub) -> {
            if (sub.getCommandName().equals(n)) collect(sub, path + " " + n, tests);
        });
    }

    private static List<String> hostile(Class<?> type) {
        if (type == int.class || type == Integer.class) return List.of("-1", "2147483648");
        if (type == long.class || type == Long.class) return List.of("-1");
        if (type == double.class || type == Double.class) return List.of("-1", "NaN", "Infinity");
        if (type == Duration.class) return List.of("-5s");
        return List.of();
    }

    private void refused(String command, String option, String value) throws Exception {
        String base = BASE.get(command);
        if (base == null) fail("no base arguments for 'mep " + command + "': add them to BASE");
        Path port = Files.writeString(dir.resolve("port-file"), "x");
        List<String> args = new ArrayList<>(Arrays.asList(command.split(" ")));
        if (!base.isEmpty()) {
            for (String a : base.split(" ")) args.add(a.replace("PORT", port.toString()).replace("OUT", dir.resolve("out").toString()));
        }
        args.add(option + "=" + value);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MepCommand.commandLine(args.toArray(String[]::new));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cli.execute(args.toArray(String[]::new)));
        int code;
        try {
            code = run.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            fail("mep " + String.join(" ", args) + " accepted the value and ran on: " + out + err);
            return;
        }
        String text = "mep " + String.join(" ", args) + "\n" + out + err;
        assertEquals(ExitCodes.USAGE, code, text);
        // besides picocli's "hint: see --help" and a renamed option's note, one line
        assertEquals(1, err.toString().strip().lines().filter(l -> !l.startsWith("mep: hint: ") && !l.startsWith("mep: note: ")).count(), text);
        assertTrue(err.toString().contains(option), "the line names " + option + ": " + text);
        assertFalse(err.toString().contains("Exception"), text);
    }
}
