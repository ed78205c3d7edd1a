package org.mepkit.cli.option;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.sim.max3232.Max3232Profile;

/** A MAX3232 profile named on the command line ({@code --max3232}, {@code --chip}, {@code --virtual}). */
public final class Max3232Option {

    private Max3232Option() {
    }

    /** The named profile, or a one-line usage error listing the known ones. */
    public static Max3232Profile profile(String name) {
        try {
            return Max3232Profile.named(name);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, e.getMessage());
        }
    }
}
