package org.mepkit.board;

import java.nio.file.Path;
import org.mepkit.board.firmware.FirmwareConfig;

/**
 * How a virtual board is built: where its port links go, how fast its clock runs, its
 * MAX3232, the seed for the chip's power-ups, and what its flash holds (the app's project
 * name and the provisioned NVS values).
 */
public record BoardOptions(Path directory, double timeScale, Max3232Profile max3232, long seed,
                           String projectName, FirmwareConfig nvs) {

    public BoardOptions withMax3232(Max3232Profile profile) {
        return new BoardOptions(directory, timeScale, profile, seed, projectName, nvs);
    }

    public BoardOptions withNvs(FirmwareConfig config) {
        return new BoardOptions(directory, timeScale, max3232, seed, projectName, config);
    }

    public BoardOptions withTimeScale(double scale) {
        return new BoardOptions(directory, scale, max3232, seed, projectName, nvs);
    }
}
