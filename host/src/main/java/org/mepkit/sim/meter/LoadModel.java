package org.mepkit.sim.meter;

import java.time.Duration;
import java.util.List;

/**
 * Three phase loads plus the starting register values, metered as real meters do: each phase shows
 * its import as forward and its export as reverse (a phase never shows both), while the totals are
 * <em>net</em> over the phases: one phase exporting 800 W while the others import 1650 W gives
 * 850 W forward and 0 W reverse, and the energy registers grow by the net power (forward while the
 * net imports, reverse while it exports). Energy grows over the time that has passed on the meter's
 * {@link org.mepkit.time.Ticker}. A Home Assistant style check that the phases add up to the totals
 * holds on this data as it does on real meters' (issue 13, point 7).
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

    /** Net active power over the three phases, W (import &gt; 0). */
    public int netW() {
        return phases.stream().mapToInt(PhaseLoad::activeW).sum();
    }

    /** Total forward power, W (the meter's "Fwd_W"): the net import, 0 while the phases net to export. */
    public int forwardW() {
        return Math.max(0, netW());
    }

    /** Total reverse power, W (the meter's "Rev_W"): the net export, 0 while the phases net to import. */
    public int reverseW() {
        return Math.max(0, -netW());
    }

    /** Net reactive power over the three phases, VAr (import &gt; 0). */
    public int netReactiveVAr() {
        return phases.stream().mapToInt(PhaseLoad::reactiveVAr).sum();
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
