package org.mepkit.watch;

import java.util.List;

import org.mepkit.reading.Reading;

/** Readings for the watch tests: meter SN1 with balanced power (1200 W import on L1, 800 W export on L3). */
public final class TestReadings {

    private TestReadings() {
    }

    public static Reading reading(long fwdWh) {
        return reading(fwdWh, 500, 1200, 800);
    }

    public static Reading reading(long fwdWh, long revWh) {
        return reading(fwdWh, revWh, 1200, 800);
    }

    public static Reading reading(long fwdWh, long revWh, int fwdW, int revW) {
        List<Reading.Phase> phases = List.of(new Reading.Phase(1, 230_000, 5_200, 1200, 0),
                new Reading.Phase(2, 230_000, 0, 0, 0), new Reading.Phase(3, 230_000, 3_500, 0, 800));
        return new Reading("mep", new Reading.Identity("ELON", "83331-3I", "58.134", "SN1", null),
                (int) fwdWh, (int) revWh, fwdW, revW, phases, List.of());
    }
}
