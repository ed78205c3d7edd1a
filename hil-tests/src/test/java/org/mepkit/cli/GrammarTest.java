package org.mepkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/cli-grammar.md against the whole command tree (every module's commands): each old name in
 * its "Old names" table is a hidden alias of a visible new name on that command.
 */
class GrammarTest {

    record Renaming(List<String> command, String oldName, String newName) {
    }

    static Path grammar() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/cli-grammar.md"))) return p.resolve("docs/cli-grammar.md");
        }
        throw new IllegalStateException("docs/cli-grammar.md not found above " + Path.of("").toAbsolutePath());
    }

    /** The option rows of the "Old names" table: | `command` | `--old ...` | `-o, --new ...` |. */
    static List<Renaming> optionRenamings() throws IOException {
        String doc = Files.readString(grammar());
        String table = doc.substring(doc.indexOf("## Old names"));
        Pattern row = Pattern.compile("^\\| `([a-z ]+)` \\| `(--[a-z0-9-]+)[^|]*\\| `(?:-\\w, )?(--[a-z0-9-]+)[^|]*\\|$", Pattern.MULTILINE);
        List<Renaming> renamings = new ArrayList<>();
        Matcher m = row.matcher(table);
        while (m.find()) {
            renamings.add(new Renaming(Arrays.asList(m.group(1).split(" ")), m.group(2), m.group(3)));
        }
        return renamings;
    }

    static CommandLine command(List<String> path) {
        CommandLine c = MepCommand.commandLine();
        for (String name : path) {
            c = c.getSubcommands().get(name);
            assertNotNull(c, "no command " + path);
        }
        return c;
    }

    @Test
    void everyOldOptionNameIsAHiddenAliasOfAVisibleNewName() throws IOException {
        List<Renaming> renamings = optionRenamings();
        assertTrue(renamings.size() >= 12, "the table was read: " + renamings);
        for (Renaming r : renamings) {
            CommandLine c = command(r.command());
            OptionSpec newOption = c.getCommandSpec().findOption(r.newName());
            assertNotNull(newOption, r + ": new name missing");
            assertFalse(newOption.hidden(), r + ": new name hidden");
            if (r.oldName().equals(r.newName())) continue;   // only the value's form changed
            OptionSpec oldOption = c.getCommandSpec().findOption(r.oldName());
            assertNotNull(oldOption, r + ": old name gone");
            assertTrue(oldOption.hidden(), r + ": old name shown in --help");
        }
    }

    /** Every command of the tree, the root included, depth first. */
    static List<CommandLine> allCommands() {
        List<CommandLine> all = new ArrayList<>();
        collect(MepCommand.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine c, List<CommandLine> all) {
        if (all.stream().anyMatch(known -> known.getCommandSpec() == c.getCommandSpec())) return;
        all.add(c);
        c.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    static String usage(CommandLine c) {
        StringWriter w = new StringWriter();
        c.usage(new PrintWriter(w, true));
        return w.toString();
    }

    /** A paragraph ends a sentence (or a list after a colon); a fragment means a line broken by hand. */
    static boolean whole(String paragraph) {
        String p = paragraph.strip();
        return p.isEmpty() || p.endsWith(".") || p.endsWith(":");
    }

    @Test
    void helpTextsAreParagraphsThatPicocliWrapsWithinEightyColumns() {
        List<String> problems = new ArrayList<>();
        for (CommandLine c : allCommands()) {
            String name = c.getCommandSpec().qualifiedName();
            for (String line : usage(c).lines().toList()) {
                if (line.length() > 80) problems.add(name + ": line longer than 80 columns: " + line);
                if (line.endsWith(" .") || line.matches(".*\\s[(./]$")) problems.add(name + ": a line broken inside a word: " + line);
            }
            for (String paragraph : c.getCommandSpec().usageMessage().description()) {
                if (!whole(paragraph)) problems.add(name + ": description paragraph is a fragment: '" + paragraph + "'");
            }
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (o.hidden()) continue;
                String d = String.join(" ", o.description()).strip();
                if (d.isEmpty()) problems.add(name + " " + o.longestName() + ": no description");
                else if (!d.endsWith(".") && !d.endsWith(")")) problems.add(name + " " + o.longestName() + ": description is not a sentence: " + d);
                else if (Character.isLowerCase(d.charAt(0)) && !d.split(" ")[0].matches(".*[_.].*")) problems.add(name + " " + o.longestName() + ": description starts in lower case: " + d);
            }
            for (var p : c.getCommandSpec().positionalParameters()) {
                String d = String.join(" ", p.description()).strip();
                if (!p.hidden() && (d.isEmpty() || Character.isLowerCase(d.charAt(0)) || !d.endsWith(".")))
                    problems.add(name + " " + p.paramLabel() + ": parameter description is not a sentence: " + d);
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    static void assertSnakeKeys(JsonNode node, String where) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(k -> assertTrue(k.matches("[a-z0-9]+(_[a-z0-9]+)*_?"), where + ": key '" + k + "'"));
            node.elements().forEachRemaining(child -> assertSnakeKeys(child, where));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> assertSnakeKeys(child, where));
        }
    }

    @Test
    void everyJsonOutputIsOneObjectWithSnakeCaseKeys(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path nvs = dir.resolve("nvs.bin");
        List<List<String>> runs = List.of(
                List.of("board", "list", "--json"),
                List.of("board", "show", "esp32-mep-v2.00", "--json"),
                List.of("decode", "--table", "BT52", "--json", "000a00000718031c11171b04"),
                List.of("diagnose", "chip", "--max3232", "genuine", "--trials", "5", "-o", dir.resolve("chip").toString(), "--json"),
                List.of("perf", "recovery", "--episodes", "5", "--json"),
                List.of("nvs", "build", "--set", "wifi_ssid=lab", "-o", nvs.toString(), "--json"),
                List.of("nvs", "dump", nvs.toString(), "--json"),
                List.of("diagnose", "board", "--max3232", "genuine", "-o", dir.resolve("board").toString(), "--json"),
                List.of("bench", "--group", "boot", "-o", dir.resolve("bench").toString(), "--json"));
        for (List<String> args : runs) {
            CommandLine cli = MepCommand.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args.toArray(String[]::new));
            assertTrue(code == 0 || code == 1, args + ": exit " + code + " " + err);
            assertEquals(1, out.toString().strip().lines().count(), args + ": one object on one line: " + out);
            JsonNode json = new ObjectMapper().readTree(out.toString());
            assertTrue(json.isObject(), args + ": an object");
            assertSnakeKeys(json, String.join(" ", args));
        }
    }

    @Test
    void everyCommandThatReportsHasJson() {
        for (String command : List.of("read", "decode", "bench", "demo", "diagnose chip", "diagnose board", "hw check", "hw fab",
                "perf poll", "perf recovery", "perf flash", "board list", "board show", "image info", "nvs build", "nvs dump", "flash")) {
            CommandLine c = command(Arrays.asList(command.split(" ")));
            assertNotNull(c.getCommandSpec().findOption("--json"), command + " has --json");
        }
        String streaming = String.join(" ", command(List.of("flash")).getCommandSpec().findOption("--json").description());
        assertTrue(streaming.contains("JSON lines"), "flash streams, and says so: " + streaming);
    }

    @Test
    void anUnknownBoardIsTheSameUsageErrorInEveryCommandAndEsp32MepIsAcceptedEverywhere(@org.junit.jupiter.api.io.TempDir Path dir) {
        List<List<String>> runs = List.of(
                List.of("board", "show", "nodemcu"),
                List.of("flash", "--board", "nodemcu", "--port", "/dev/null", "0x10000=" + dir.resolve("app.bin")),
                List.of("hw", "check", "--board", "nodemcu"),
                List.of("hw", "fab", "--board", "nodemcu", "-o", dir.toString()),
                List.of("board", "emulate", "--board", "nodemcu"));
        for (List<String> args : runs) {
            CommandLine cli = MepCommand.commandLine();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(new StringWriter(), true));
            cli.setErr(new PrintWriter(err, true));
            assertEquals(ExitCodes.USAGE, cli.execute(args.toArray(String[]::new)), args + ": " + err);
            assertTrue(err.toString().startsWith("mep: unknown board 'nodemcu' (known: esp32-mep, "), args + ": " + err);
            assertEquals(1, err.toString().lines().count(), args + ": " + err);
        }
        for (List<String> path : List.of(List.of("flash"), List.of("hw", "check"), List.of("hw", "fab"), List.of("board", "emulate"))) {
            assertTrue(String.join(" ", command(path).getCommandSpec().findOption("--board").description()).contains("esp32-mep"),
                    path + " --board names esp32-mep");
        }
    }

    @Test
    void anOldNameStillWorksAndPrintsANoteNamingTheNewOne(@org.junit.jupiter.api.io.TempDir Path dir) {
        CommandLine cli = MepCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("diagnose", "chip", "--virtual", "genuine", "--max-trials", "5",
                "--report-dir", dir.resolve("r").toString());
        assertEquals(0, code, err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("r").resolve("report.json")), "--report-dir was honoured");
        assertTrue(out.toString().contains("after 5 trials"), out.toString());
        assertEquals(List.of("mep: note: --virtual is now --max3232; the old name goes in the next release",
                "mep: note: --max-trials is now --trials; the old name goes in the next release",
                "mep: note: --report-dir is now --out; the old name goes in the next release"), err.toString().lines().toList());
    }
}
