package org.mepkit.hil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.mepkit.board.BoardImages;
import org.mepkit.board.BoardOptions;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.board.VirtualBoard;
import org.mepkit.board.rom.ChipFamily;
import org.mepkit.board.rom.ChipIdentity;
import org.mepkit.board.firmware.DabblerFirmware;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.util.Scratch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep board emulate}: a virtual ESP32-MEP board until Ctrl-C. */
@Command(name = "emulate", mixinStandardHelpOptions = true,
        description = {"Run a virtual ESP32-MEP board and print its port paths: the console (J5, 115200) and the "
                        + "meter side of its MEP port (J6, 9600). Its 4 MB flash is kept in a file. Runs until Ctrl-C.",
                "Lines on stdin work the board's controls: j7-on, j7-off, power-on, power-off, power-cycle, reset "
                        + "(e.g. after 'mep flash': j7-off then power-cycle boots the flashed app)."})
public final class BoardEmulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--flash", paramLabel = "FILE", description = "Flash image file (4 MB; created erased when missing).")
    Path flashFile;

    @Option(names = "--download-mode", description = "Power up with the J7 program jumper fitted (ROM serial loader on the console).")
    boolean downloadMode;

    @Option(names = "--demo-image", description = "When the flash is blank, first write a dabbler app and a demo NVS (key from env MEP_KEY).")
    boolean demoImage;

    @Option(names = "--board", paramLabel = "NAME", defaultValue = "esp32-mep-v2.00",
            description = "The board to be (mep board list; esp32-mep is the family default): its chip answers esptool as an ESP32 or an ESP32-C3 (default: ${DEFAULT-VALUE}).")
    String boardName;

    @Option(names = "--unpaced", description = "Console bytes at pty speed, not at the line speed the host set (fast tests; flashing times then mean nothing).")
    boolean unpaced;

    @Mixin
    VirtualBoardOptions boardOptions = new VirtualBoardOptions("genuine", 1, 1);

    @Override
    public Integer call() throws Exception {
        Max3232Profile profile = boardOptions.profile();
        double timeScale = boardOptions.timeScale();
        String firmware = boardOptions.firmware();
        try (Scratch scratch = Scratch.create("board")) { // the board's flash file when no --flash: it holds MEP_KEY
            return emulate(scratch.dir(), profile, timeScale, firmware);
        }
    }

    private int emulate(Path dir, Max3232Profile profile, double timeScale, String firmware) throws IOException {
        BoardOptions options = new BoardOptions(dir, timeScale, profile, boardOptions.seed(), flashFile, !unpaced)
                .withChip(ChipIdentity.defaultOf(chipOf(boardName)));
        VirtualBoard board;
        try {
            board = VirtualBoard.create(options);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            if (flashFile == null) throw new MepException(ExitCodes.TOOL, "cannot start the virtual board: " + BenchCommand.oneLine(e.getMessage()));
            // the user's file: bad input, named with its option
            throw new MepException(ExitCodes.BAD_INPUT, "--flash " + flashFile + ": " + BenchCommand.oneLine(e.getMessage()));
        } catch (IOException | RuntimeException e) {
            throw new MepException(ExitCodes.TOOL, "cannot start the virtual board: " + BenchCommand.oneLine(e.getMessage()));
        }
        PrintWriter o = spec.commandLine().getOut();
        try (board) {
            if (demoImage && options.chip().family() != ChipFamily.ESP32) {
                throw new MepException(ExitCodes.USAGE, "--demo-image writes ESP32 images; " + boardName + " has an "
                        + options.chip().family().target().name());
            }
            if (demoImage && isBlank(board)) {
                String key = System.getenv("MEP_KEY");
                if (key == null || key.isEmpty()) throw new MepException(ExitCodes.USAGE, "--demo-image needs the MEP key in env MEP_KEY");
                BoardImages.provision(board.flash(), firmware,
                        org.mepkit.board.firmware.FirmwareConfig.provisioned("mepkit-lab", "", key));
                o.println("flash was blank: wrote bootloader, partition table, NVS and a " + firmware + " app");
            }
            board.setProgramJumper(downloadMode);
            board.powerOn();
            o.println("console (J5, 115200 8N1" + (unpaced ? ", unpaced" : ", paced at the port's speed") + "): " + board.consolePath());
            o.println("meter side (J6, 9600 8N1): " + board.meterPath());
            o.println("dashboard JSON: " + board.url().resolve("/getDashDataWS"));
            o.println("flash file: " + board.flash().path().map(Path::toString).orElse("(memory)"));
            o.println("chip: " + options.chip().family().target().name() + ", MAC " + options.chip().macText());
            o.println("MAX3232: " + profile.name() + (downloadMode ? ", J7 fitted: ROM download mode" : ""));
            board.bootProblem().ifPresent(p -> o.println("boot: " + p));
            o.println("running; Ctrl-C stops the board; commands on stdin: " + String.join(", ", BoardConsoleCommands.NAMES));
            o.flush();
            BoardConsoleCommands.start(board, System.in, o);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                board.close(); // closes the ptys and removes their links
                stopped.countDown();
            }, "board-shutdown"));
            try {
                stopped.await();
            } catch (InterruptedException e) {
                return ExitCodes.INTERRUPTED; // Ctrl-C, the way to stop the twin: the board closes with this block
            }
        }
        return ExitCodes.OK;
    }

    /** The chip family of a firmware-spec board name. */
    static ChipFamily chipOf(String name) {
        var board = org.mepkit.spec.BoardRegistry.load().require(name);   // unknown: exit 2 as in every --board
        return ChipFamily.byEsptoolName(board.chip()).orElseThrow(() -> new MepException(ExitCodes.BAD_INPUT,
                "board " + name + " has an " + board.chip() + ", which the virtual board cannot be"));
    }

    private static boolean isBlank(VirtualBoard board) {
        byte[] head = board.flash().read(BoardImages.BOOTLOADER, 16);
        for (byte b : head) if (b != (byte) 0xFF) return false;
        return true;
    }
}
