package org.mepkit.cli.command;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.sim.meter.MeterProfile;

/** {@code --profile NAME} of the commands that play a meter: an unknown name is a usage error (exit 2). */
final class ProfileNames {

    private ProfileNames() {
    }

    static MeterProfile profile(String name) {
        try {
            return MeterProfile.named(name);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, e.getMessage());
        }
    }
}
