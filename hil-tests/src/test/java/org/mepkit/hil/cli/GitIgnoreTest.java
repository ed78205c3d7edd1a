package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.mepkit.cli.MepCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Nothing mepkit writes by default lands in git: every output path a command defaults to (walked from the
 * command tree itself, so a new command or a renamed option is checked too), the README tour's folder and the
 * CLI's build folder are ignored by the repository's .gitignore (asked of git itself).
 */
class GitIgnoreTest {

    /** Written without an option naming them: the README tour's examples and ./mep's build log, hw fab's default. */
    static final List<String> FIXED = List.of(".mep/tour/mbk.txt", ".mep/tour/board.cfg", ".mep/tour/nvs.bin",
            ".mep/build.log", "hardware/out/esp32-mep-v2.00/default/bom.csv");

    @Test
    void everyDefaultOutputIsIgnored() throws Exception {
        Path root = CtrlCTest.repoRoot();
        Assumptions.assumeTrue(Files.isDirectory(root.resolve(".git")) || Files.isRegularFile(root.resolve(".git")),
                "not a git checkout");
        TreeSet<String> paths = new TreeSet<>(FIXED);
        collect(MepCommand.commandLine(), paths);
        assertTrue(paths.contains("mep-demo/") && paths.contains("mep-bench-report/"), "the walk finds the report folders: " + paths);
        List<String> notIgnored = new ArrayList<>();
        for (String p : paths) {
            Process git = new ProcessBuilder("git", "check-ignore", "-q", "--no-index", p).directory(root.toFile())
                    .redirectErrorStream(true).start();
            if (git.waitFor() != 0) notIgnored.add(p);
        }
        assertEquals(List.of(), notIgnored, "default outputs not in .gitignore");
    }

    /** Default values of every path-typed option (File or Path) in the tree: what a command writes when not told. */
    static void collect(CommandLine cl, TreeSet<String> paths) {
        for (OptionSpec o : cl.getCommandSpec().options()) {
            Class<?> type = o.type();
            if (type != Path.class && type != File.class) continue;
            if (!writes(o)) continue;
            Object initial = o.defaultValue() != null ? o.defaultValue() : o.initialValue();
            // a folder must be asked as one (a trailing slash): the .gitignore patterns for folders end in /
            boolean folder = o.paramLabel() != null && o.paramLabel().contains("DIR");
            if (initial != null && !initial.toString().isBlank()) paths.add(initial + (folder ? "/" : ""));
        }
        cl.getSubcommands().values().forEach(sub -> collect(sub, paths));
    }

    /** An option naming where output goes (not an input such as --config or --hardware). */
    static boolean writes(OptionSpec o) {
        for (String n : o.names()) {
            if (n.equals("-o") || n.equals("--out") || n.contains("report") || n.contains("log") || n.endsWith("-dir")) return true;
        }
        return false;
    }
}
