package org.mepkit.cli.command;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.power.GpiodOutput;
import org.mepkit.power.ModemLineOutput;
import org.mepkit.power.OutputLine;
import org.mepkit.power.PowerException;
import org.mepkit.power.ProcessLauncher;
import org.mepkit.serial.SerialLine;

/** Parses {@code --power dtr|rts|gpiod:CHIP:LINE} into an {@link OutputLine}; no switch → exit 7 with the reason. */
final class PowerSwitches {

    private PowerSwitches() {
    }

    static OutputLine parse(String spec, SerialLine line, boolean inverted, ProcessLauncher launcher) throws InterruptedException {
        try {
            if (spec.equalsIgnoreCase("dtr")) return ModemLineOutput.of(line, ModemLineOutput.Pin.DTR, inverted);
            if (spec.equalsIgnoreCase("rts")) return ModemLineOutput.of(line, ModemLineOutput.Pin.RTS, inverted);
            if (spec.startsWith("gpiod:")) {
                String[] parts = spec.split(":", -1);
                if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
                    throw new MepException(ExitCodes.USAGE, "--power gpiod needs CHIP:LINE, e.g. gpiod:gpiochip0:17");
                }
                return GpiodOutput.open(launcher, parts[1], parts[2], inverted);
            }
        } catch (PowerException e) {
            throw new MepException(ExitCodes.TOOL, "no power switch: " + e.getMessage(), e);
        }
        throw new MepException(ExitCodes.USAGE, "--power must be dtr, rts or gpiod:CHIP:LINE, not '" + spec + "'");
    }
}
