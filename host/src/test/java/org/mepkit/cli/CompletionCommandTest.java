package org.mepkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code mep completion bash|zsh}: a script bash accepts, that completes subcommands and options. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    String script(String shell) {
        CommandLine cli = MepCommand.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("completion", shell));
        return out.toString();
    }

    /** Runs bash with the script sourced and {@code words} typed so far; returns COMPREPLY, one per line. */
    List<String> complete(String script, String... words) throws IOException, InterruptedException {
        Path file = dir.resolve("mep-completion.bash");
        Files.writeString(file, script);
        String line = String.join(" ", words);
        String driver = "source " + file + "\n"
                + "COMP_WORDS=(" + line + "); COMP_CWORD=" + (words.length - 1) + "; COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_mep 2>/dev/null\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return bash(driver).lines().map(String::strip).toList();
    }

    static String bash(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("bash", "-c", args[0])).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    @Test
    void theBashScriptIsValidBash() throws Exception {
        Path file = dir.resolve("mep.bash");
        Files.writeString(file, script("bash"));
        bash("bash -n " + file);
    }

    @Test
    void itCompletesSubcommandsOfTheRootAndOfAGroup() throws Exception {
        String script = script("bash");
        assertEquals(List.of("diagnose"), complete(script, "mep", "diag"));
        assertEquals(List.of("chip"), complete(script, "mep", "diagnose", "ch"));
        assertTrue(complete(script, "mep", "diagnose", "chip", "--max").contains("--max3232"));
    }

    @Test
    void hiddenOldNamesAreNotOffered() throws Exception {
        String script = script("bash");
        List<String> offered = complete(script, "mep", "diagnose", "chip", "--virt");
        assertTrue(offered.stream().allMatch(String::isEmpty), "the hidden --virtual is not completed: " + offered);
    }

    @Test
    void theZshScriptLoadsBashcompinitFirst() {
        String zsh = script("zsh");
        assertTrue(zsh.startsWith("autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"), zsh);
        assertTrue(zsh.contains("complete -F _complete_mep"), "the same completion function");
    }
}
