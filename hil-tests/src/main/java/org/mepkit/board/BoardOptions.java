package org.mepkit.board;

import java.nio.file.Path;
import org.mepkit.sim.max3232.Max3232Profile;

/**
 * How a virtual board is built: where its port links go, how fast its clock runs, its
 * MAX3232 and the seed for the chip's power-ups, and the file that holds its 4 MB flash
 * (kept between runs, like real flash).
 */
public record BoardOptions(Path directory, double timeScale, Max3232Profile max3232, long seed, Path flashFile) {

    public BoardOptions withMax3232(Max3232Profile profile) {
        return new BoardOptions(directory, timeScale, profile, seed, flashFile);
    }

    public BoardOptions withTimeScale(double scale) {
        return new BoardOptions(directory, scale, max3232, seed, flashFile);
    }
}
