package org.mepkit.board;

import java.nio.file.Path;
import org.mepkit.board.rom.ChipIdentity;
import org.mepkit.sim.max3232.Max3232Profile;

/**
 * How a virtual board is built: where its port links go, how fast its clock runs, its
 * MAX3232 and the seed for the chip's power-ups, the file that holds its 4 MB flash
 * (kept between runs, like real flash), whether its console is paced at its line speed
 * (in board time; unpaced for fast tests), and the chip it answers as (ESP32, or the uStepper
 * board's ESP32-C3).
 */
public record BoardOptions(Path directory, double timeScale, Max3232Profile max3232, long seed, Path flashFile,
                           boolean pacedConsole, ChipIdentity chip) {

    /** An ESP32 board with a paced console. */
    public BoardOptions(Path directory, double timeScale, Max3232Profile max3232, long seed, Path flashFile) {
        this(directory, timeScale, max3232, seed, flashFile, true);
    }

    /** An ESP32 board. */
    public BoardOptions(Path directory, double timeScale, Max3232Profile max3232, long seed, Path flashFile,
                        boolean pacedConsole) {
        this(directory, timeScale, max3232, seed, flashFile, pacedConsole, ChipIdentity.defaultEsp32());
    }

    public BoardOptions withMax3232(Max3232Profile profile) {
        return new BoardOptions(directory, timeScale, profile, seed, flashFile, pacedConsole, chip);
    }

    public BoardOptions withTimeScale(double scale) {
        return new BoardOptions(directory, scale, max3232, seed, flashFile, pacedConsole, chip);
    }

    /** The console moves bytes at pty speed instead of its line speed. */
    public BoardOptions unpacedConsole() {
        return new BoardOptions(directory, timeScale, max3232, seed, flashFile, false, chip);
    }

    /** A board whose chip answers as {@code identity} (e.g. {@link ChipIdentity#defaultEsp32C3()}). */
    public BoardOptions withChip(ChipIdentity identity) {
        return new BoardOptions(directory, timeScale, max3232, seed, flashFile, pacedConsole, identity);
    }
}
