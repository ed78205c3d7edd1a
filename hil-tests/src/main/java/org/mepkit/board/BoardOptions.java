package org.mepkit.board;

import java.nio.file.Path;
import org.mepkit.sim.max3232.Max3232Profile;

/**
 * How a virtual board is built: where its port links go, how fast its clock runs, its
 * MAX3232 and the seed for the chip's power-ups, the file that holds its 4 MB flash
 * (kept between runs, like real flash), and whether its console is paced at its line speed
 * (in board time; unpaced for fast tests).
 */
public record BoardOptions(Path directory, double timeScale, Max3232Profile max3232, long seed, Path flashFile,
                           boolean pacedConsole) {

    /** A board with a paced console. */
    public BoardOptions(Path directory, double timeScale, Max3232Profile max3232, long seed, Path flashFile) {
        this(directory, timeScale, max3232, seed, flashFile, true);
    }

    public BoardOptions withMax3232(Max3232Profile profile) {
        return new BoardOptions(directory, timeScale, profile, seed, flashFile, pacedConsole);
    }

    public BoardOptions withTimeScale(double scale) {
        return new BoardOptions(directory, scale, max3232, seed, flashFile, pacedConsole);
    }

    /** The console moves bytes at pty speed instead of its line speed. */
    public BoardOptions unpacedConsole() {
        return new BoardOptions(directory, timeScale, max3232, seed, flashFile, false);
    }
}
