package org.mepkit.hil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mepkit.board.BoardImages;
import org.mepkit.cli.MepCommand;
import org.mepkit.esp.image.ImageBuilder;
import org.mepkit.esptool.FakeEsptool;
import org.mepkit.util.Scratch;

import picocli.CommandLine;

/**
 * The training run for mep's class-data-sharing archive. {@code ./mep} runs it once per build of the jar with
 * {@code -XX:DumpLoadedClassList}, dumps the classes it loaded into a static archive ({@code -Xshare:dump}) and
 * starts every command with {@code -XX:SharedArchiveFile}, so the JVM maps those classes instead of reading and
 * verifying them from the jar. A static archive, because picocli is compiled for Java 5: a dynamic archive
 * ({@code -XX:ArchiveClassesAtExit}) leaves out such classes and every class linked to them, which is most of
 * mep's start-up.
 *
 * <p>It builds the command tree, runs the quick commands and flashes an Arduino build folder three times with the
 * scripted esptool (as v4, its version asked and then cached; then as v5), as {@code mep flash} does before and
 * while esptool writes, all output discarded. Nothing is flashed: the scripted esptool touches no port.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        String[][] quick = {
                {"--version"}, {"--help"}, {"help", "diagnose", "chip"}, {"board", "list"}, {"board", "list", "--json"},
                {"board", "show", "esp32-mep", "--json"}, {"decode", "--table", "BT52", "--json", "000a00000718031c11171b04"},
                {"read", "--no-such-option"}, {"diagnose"}, {"flash", "--help"},
        };
        for (String[] run : quick) run(run);
        try (Scratch scratch = Scratch.create("cds-training")) {
            Path build = buildFolder(scratch.dir().resolve("build"));
            for (String version : new String[] {"4.12.0", "4.12.0", "5.3.1"}) {
                FakeEsptool esptool = FakeEsptool.install(scratch.dir().resolve("esptool-" + version), version, "ok", 0);
                run(new String[] {"flash", "--esptool", esptool.executable().toString(), "--port", "/dev/null",
                        "--no-boot-check", "--log-dir", scratch.dir().resolve("logs").toString(), build.toString()});
            }
        }
    }

    private static void run(String[] args) {
        CommandLine cli = MepCommand.commandLine(args);
        cli.setOut(new PrintWriter(Writer.nullWriter()));
        cli.setErr(new PrintWriter(Writer.nullWriter()));
        cli.execute(args);
    }

    private static Path buildFolder(Path build) throws IOException {
        Files.createDirectories(build);
        Files.write(build.resolve("training.ino.bootloader.bin"), BoardImages.bootloader());
        Files.write(build.resolve("training.ino.partitions.bin"), BoardImages.partitionTable());
        Files.write(build.resolve("training.ino.bin"), ImageBuilder.app().projectName("training").codeBytes(64 * 1024).build());
        return build;
    }
}
