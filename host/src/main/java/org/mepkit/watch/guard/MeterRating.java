package org.mepkit.watch.guard;

import java.time.Duration;

/**
 * What a meter can physically measure, which bounds how fast its energy registers may grow: phases x
 * maximum current x maximum voltage. The default is a direct-connected three-phase household meter at
 * its limit (100 A per phase at 230 V + 10 %), about 76 kW or 21 Wh per second: a register that grows
 * faster than that between two readings did not measure it.
 */
public record MeterRating(int phases, double maxCurrentA, double maxVoltageV) {

    public static final MeterRating DEFAULT = new MeterRating(3, 100, 253);

    public MeterRating {
        if (phases < 1 || phases > 3) throw new IllegalArgumentException("a meter has 1 to 3 phases: " + phases);
        // finite and within what any meter is built for: an infinite rating would let every jump through
        if (!(maxCurrentA > 0 && maxCurrentA <= 10_000) || !(maxVoltageV > 0 && maxVoltageV <= 100_000)) {
            throw new IllegalArgumentException("current must be above 0 A and at most 10000 A, voltage above 0 V");
        }
    }

    public MeterRating withMaxCurrent(double amps) {
        return new MeterRating(phases, amps, maxVoltageV);
    }

    public double maxPowerW() {
        return phases * maxCurrentA * maxVoltageV;
    }

    /** The most energy the meter can count in {@code elapsed}, Wh. */
    public double maxEnergyWh(Duration elapsed) {
        return maxPowerW() * elapsed.toNanos() / 3.6e12;
    }
}
