package org.mepkit.sim.meter;

import java.time.Duration;
import java.util.List;

/**
 * Three phase loads plus the starting register values. Energy grows with the load over the
 * time that has passed on the meter's {@link org.mepkit.time.Ticker}: forward energy by the sum of
 * the importing phases, reverse energy by the sum of the exporting phases (per-phase metering,
 * no netting between phases).
 */
public record LoadModel(List<PhaseLoad> phases, long startFwdWh, long startRevWh, int frequencyMHz) {

    public LoadModel {
        phases = List.copyOf(phases);
        if (phases.size() != 3) throw new IllegalArgumentException("a meter has 3 phases, got " + phases.size());
        if (startFwdWh < 0 || startRevWh < 0) throw new IllegalArgumentException("start registers must not be negative");
    }

    public PhaseLoad phase(int index) {
        return phases.get(index);
    }

    /** Total import, W (the meter's "Fwd_W"). */
    public int forwardW() {
        return phases.stream().mapToInt(PhaseLoad::importW).sum();
    }

    /** Total export, W (the meter's "Rev_W"). */
    public int reverseW() {
        return phases.stream().mapToInt(PhaseLoad::exportW).sum();
    }

    /** Forward active energy after {@code elapsed}, Wh (rounded down: registers count whole Wh). */
    public long forwardWh(Duration elapsed) {
        return startFwdWh + energyWh(forwardW(), elapsed);
    }

    /** Reverse active energy after {@code elapsed}, Wh. */
    public long reverseWh(Duration elapsed) {
        return startRevWh + energyWh(reverseW(), elapsed);
    }

    private static long energyWh(long watts, Duration elapsed) {
        // W * ns / (3600 s * 1e9 ns/s), in exact integer arithmetic for long runs
        return java.math.BigInteger.valueOf(watts).multiply(java.math.BigInteger.valueOf(elapsed.toNanos()))
                .divide(java.math.BigInteger.valueOf(3_600_000_000_000L)).longValue();
    }
}
