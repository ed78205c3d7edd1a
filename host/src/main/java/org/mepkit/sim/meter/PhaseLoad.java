package org.mepkit.sim.meter;

/**
 * The load on one phase of the simulated meter. {@code activeW} is positive for import (forward,
 * from the grid) and negative for export (reverse, e.g. solar); each phase is metered on its own, so
 * one phase can import while another exports.
 *
 * @param activeW       active power, W (import &gt; 0, export &lt; 0)
 * @param reactiveVAr   reactive power, VAr (import &gt; 0, export &lt; 0)
 * @param voltageMv     RMS voltage, mV
 * @param powerFactorMilli power factor in 1/1000, signed (negative while exporting)
 */
public record PhaseLoad(int activeW, int reactiveVAr, int voltageMv, int powerFactorMilli) {

    public PhaseLoad {
        if (voltageMv <= 0) throw new IllegalArgumentException("voltage must be positive: " + voltageMv + " mV");
        if (Math.abs(powerFactorMilli) > 1000) throw new IllegalArgumentException("|power factor| must be <= 1000: " + powerFactorMilli);
    }

    public int importW() {
        return Math.max(0, activeW);
    }

    public int exportW() {
        return Math.max(0, -activeW);
    }

    /** Apparent power, VA. */
    public long apparentVa() {
        return Math.round(Math.sqrt((double) activeW * activeW + (double) reactiveVAr * reactiveVAr));
    }

    /** RMS current in mA: apparent power / voltage. */
    public int currentMa() {
        return (int) Math.round(apparentVa() * 1_000_000.0 / voltageMv);
    }
}
