package org.mepkit.cli;

import java.io.PrintWriter;
import java.io.Writer;

import picocli.CommandLine;

/**
 * The training run for mep's class-data-sharing archive: {@code ./mep} runs it once per build with
 * {@code -XX:ArchiveClassesAtExit} and then starts every command with {@code -XX:SharedArchiveFile},
 * so the JVM maps the classes a start-up needs instead of loading and verifying them from the jar.
 * It builds the whole command tree and runs the quick commands (help, version, board list, JSON, a
 * parse error), their output discarded.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) {
        String[][] runs = {
                {"--version"}, {"--help"}, {"help", "diagnose", "chip"}, {"board", "list"}, {"board", "list", "--json"},
                {"board", "show", "esp32-mep", "--json"}, {"decode", "--table", "BT52", "--json", "000a00000718031c11171b04"},
                {"read", "--no-such-option"}, {"diagnose"},
        };
        for (String[] run : runs) {
            CommandLine cli = MepCommand.commandLine(run);
            cli.setOut(new PrintWriter(Writer.nullWriter()));
            cli.setErr(new PrintWriter(Writer.nullWriter()));
            cli.execute(run);
        }
    }
}
