package org.mepkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The command tree's own behaviour: groups, picocli's parse errors, {@code mep help}. */
class MepCommandTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int mep(String... args) {
        CommandLine cli = MepCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    List<String> errLines() {
        return err.toString().lines().toList();
    }

    @Test
    void aGroupAlonePrintsItsOwnUsageAndExits2() {
        assertEquals(2, mep("diagnose"));
        assertTrue(err.toString().startsWith("Usage: mep diagnose "), err.toString());
        assertTrue(err.toString().contains("chip"), err.toString());
        assertFalse(err.toString().contains("encode"), "not the root's usage: " + err);
        assertEquals("mep: 'mep diagnose' needs a subcommand (see the list above)", errLines().get(errLines().size() - 1));
        assertEquals("", out.toString());
    }

    @Test
    void mepAloneIsTheRootGroup() {
        assertEquals(2, mep());
        assertTrue(err.toString().startsWith("Usage: mep "), err.toString());
        assertTrue(err.toString().contains("diagnose"), err.toString());
    }

    @Test
    void anUnknownOptionIsOneLinePlusAHintNotTheUsage() {
        assertEquals(2, mep("encode", "--seq", "1", "--nope", "00"));
        assertEquals(2, errLines().size(), err.toString());
        assertEquals("mep: Unknown option: '--nope'", errLines().get(0));
        assertTrue(errLines().get(1).startsWith("mep: hint: "), err.toString());
        assertTrue(errLines().get(1).endsWith("see 'mep encode --help')") || errLines().get(1).endsWith("see 'mep encode --help'"),
                err.toString());
    }

    @Test
    void aMisspelledSubcommandGetsASuggestion() {
        assertEquals(2, mep("diagnose", "chp"));
        assertEquals(2, errLines().size(), err.toString());
        assertTrue(errLines().get(0).startsWith("mep: Unmatched argument"), err.toString());
        assertEquals("mep: hint: did you mean chip? (see 'mep diagnose --help')", errLines().get(1));
    }

    @Test
    void aMissingRequiredOptionNamesItAndTheCommandsHelp() {
        assertEquals(2, mep("read"));
        assertEquals(List.of("mep: Missing required option: '--port=PORT'", "mep: hint: see 'mep read --help'"), errLines());
    }

    @Test
    void aBadValueIsOneLine() {
        assertEquals(2, mep("perf", "poll", "--runs", "many"));
        assertEquals(2, errLines().size(), err.toString());
        assertTrue(errLines().get(0).startsWith("mep: Invalid value for option '--runs': 'many' is not an int"), err.toString());
        assertEquals("mep: hint: see 'mep perf poll --help'", errLines().get(1));
    }

    @Test
    void helpShowsTheUsageOfAnyCommand() {
        assertEquals(0, mep("help", "diagnose", "chip"));
        assertTrue(out.toString().startsWith("Usage: mep diagnose chip "), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, mep("help"));
        assertTrue(out.toString().startsWith("Usage: mep "), out.toString());
        assertTrue(out.toString().contains("completion"), out.toString());
    }

    @Test
    void helpForAnUnknownCommandIsAUsageError() {
        assertEquals(2, mep("help", "diagnose", "toaster"));
        assertEquals(List.of("mep: no command 'diagnose toaster': 'mep diagnose' has no subcommand 'toaster'",
                "mep: hint: see 'mep help --help'"), errLines());
    }

    @Test
    void aCommandWordBuildsOnlyItsBranchOfTheTree() {
        CommandLine decode = MepCommand.commandLine(new String[] {"decode", "--help"});
        assertEquals(java.util.Set.of("decode", "help", "completion"), decode.getSubcommands().keySet());
        CommandLine perf = MepCommand.commandLine(new String[] {"perf", "poll"});
        assertEquals(java.util.Set.of("perf", "help", "completion"), perf.getSubcommands().keySet());
        assertTrue(perf.getSubcommands().get("perf").getSubcommands().containsKey("poll"));
    }

    @Test
    void anythingElseGetsTheWholeTreeSoErrorsAndHelpListEveryCommand() {
        int whole = MepCommand.commandLine().getSubcommands().size();
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "decode"},
                new String[] {"completion", "bash"}, new String[] {"decod"})) {
            assertEquals(whole, MepCommand.commandLine(args).getSubcommands().size(), String.join(" ", args));
        }
    }

    @Test
    void versionAloneNeedsNoCommandTree() {
        CommandLine cli = MepCommand.commandLine(new String[] {"--version"});
        assertEquals(List.of("help", "completion"), List.copyOf(cli.getSubcommands().keySet()), "no module's commands inspected");
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("--version"));
        assertTrue(out.toString().startsWith("mepkit "), out.toString());
        assertTrue(out.toString().contains("(commit "), out.toString());
    }
}
