package org.mepkit.diag;

import org.mepkit.serial.LineSettings;
import org.mepkit.sim.max3232.Max3232Model;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.time.ManualTicker;

/** A loopback jig around the MAX3232 fault model, in virtual time: hundreds of trials per millisecond. */
public final class VirtualJig implements Jig {

    private final Max3232Model chip;
    private final ManualTicker ticker = new ManualTicker();
    private final TrialTiming timing;
    private final LineSettings line;
    private final long seed;

    public VirtualJig(Max3232Profile profile, long seed, TrialTiming timing, LineSettings line) {
        this.chip = new Max3232Model(profile, seed, ticker);
        this.timing = timing;
        this.line = line;
        this.seed = seed;
    }

    @Override
    public String describe() {
        return "virtual " + chip.profile().name() + " MAX3232 (seed " + seed + "), loopback";
    }

    @Override
    public Trial runTrial(int index) {
        chip.setPowered(false);
        ticker.advance(timing.coolOff());
        chip.setPowered(true);
        long start = ticker.nanoTime();
        ticker.advance(timing.settle());
        byte[] sent = timing.pattern();
        byte[] back = chip.pass(chip.pass(sent));
        ticker.advance(line.wireTime(sent.length + 1));
        return Trial.compare(index, sent, back, start, ticker.nanoTime());
    }

    @Override
    public long elapsedNanos() {
        return ticker.nanoTime();
    }
}
