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
