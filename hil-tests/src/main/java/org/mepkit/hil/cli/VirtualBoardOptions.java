package org.mepkit.hil.cli;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.Max3232Option;
import org.mepkit.sim.max3232.Max3232Profile;
import picocli.CommandLine.Option;

/**
 * The virtual board's options ({@code --max3232}, {@code --time-scale}, {@code --seed}, {@code --firmware}),
 * a picocli mixin shared by {@code mep bench} and {@code mep board emulate}. Each command creates it with its
 * own defaults; the accessors turn bad values into one-line usage errors.
 */
public final class VirtualBoardOptions {

    @Option(names = "--max3232", paramLabel = "PROFILE", description = "The virtual board's MAX3232: genuine, flaky, bad or dead (default: ${DEFAULT-VALUE}).")
    String max3232;

    @Option(names = "--time-scale", paramLabel = "X", description = "The virtual board's clock speed-up (default: ${DEFAULT-VALUE}).")
    double timeScale;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the virtual MAX3232's power-ups (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--firmware", paramLabel = "MODEL",
            description = "The virtual board's app model: dabbler (upstream behaviour) or spec (mepkit's recovery spec); default: ${DEFAULT-VALUE}.")
    String firmware = "dabbler";

    VirtualBoardOptions(String max3232, double timeScale, long seed) {
        this.max3232 = max3232;
        this.timeScale = timeScale;
        this.seed = seed;
    }

    Max3232Profile profile() {
        return Max3232Option.profile(max3232);
    }

    double timeScale() {
        // below a tenth of real time a bench makes no visible progress for minutes
        if (!(timeScale >= 0.1 && timeScale <= 100)) throw new MepException(ExitCodes.USAGE, "--time-scale must be 0.1..100");
        return timeScale;
    }

    long seed() {
        return seed;
    }

    String firmware() {
        if (!firmware.equals("dabbler") && !firmware.equals("spec")) {
            throw new MepException(ExitCodes.USAGE, "--firmware must be dabbler or spec, not '" + firmware + "'");
        }
        return firmware;
    }
}
