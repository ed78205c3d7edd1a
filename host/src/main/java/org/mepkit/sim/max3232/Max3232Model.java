package org.mepkit.sim.max3232;

import java.util.Random;

import org.mepkit.power.OutputLine;
import org.mepkit.time.Ticker;

/**
 * A simulated (possibly fake) MAX3232. Its supply is an {@link OutputLine} ({@link #supply()});
 * at each power-up it comes up good or haywire ({@link HaywireMode}) with the profile's probability.
 * While haywire it heats; a power-up while still hot comes up haywire again, so it must be off
 * long enough. Once good it stays good until switched off. Time comes from the {@link Ticker}.
 *
 * <p>Power-up outcomes and traffic noise use separate seeded generators: the n-th power-up of two
 * models with the same seed draws the same numbers however much traffic passed (replayable traces).
 * Thread-safe.
 */
public final class Max3232Model {

    /** What the chip does now. */
    public enum Condition { OFF, GOOD, HAYWIRE, DEAD }

    private final Max3232Profile profile;
    private final Ticker ticker;
    private final Random powerUps;
    private final Random noise;
    private boolean powered;
    private Condition condition = Condition.OFF;
    private HaywireMode mode;
    private double heat;
    private long updatedAt;
    private int powerUpCount;
    private int haywireCount;

    public Max3232Model(Max3232Profile profile, long seed, Ticker ticker) {
        this.profile = profile;
        this.ticker = ticker;
        this.powerUps = new Random(mix(seed));
        this.noise = new Random(mix(~seed));
        this.updatedAt = ticker.nanoTime();
    }

    /**
     * Scrambles a seed (murmur3 finaliser): {@link Random}'s first draws for consecutive small seeds
     * are nearly equal, which would make seeds 1, 2, 3... replay almost the same chip.
     */
    static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    public Max3232Profile profile() {
        return profile;
    }

    /** The chip's VCC: drive it from the recovery machine, a jig or the virtual board. */
    public OutputLine supply() {
        return new OutputLine() {
            @Override
            public String name() {
                return "simulated MAX3232 VCC (" + profile.name() + ")";
            }

            @Override
            public void set(boolean active) {
                setPowered(active);
            }
        };
    }

    public synchronized void setPowered(boolean on) {
        update();
        if (on == powered) return;
        powered = on;
        if (!on) {
            condition = Condition.OFF;
            mode = null;
            return;
        }
        powerUpCount++;
        double draw = powerUps.nextDouble();
        double modeDraw = powerUps.nextDouble();
        if (profile.dead()) {
            condition = Condition.DEAD;
            mode = HaywireMode.SILENCE;
        } else if (heat >= profile.hotThreshold() || draw < profile.haywire()) {
            condition = Condition.HAYWIRE;
            mode = pickMode(modeDraw);
        } else {
            condition = Condition.GOOD;
            mode = null;
        }
        if (condition != Condition.GOOD) haywireCount++;
    }

    public synchronized Condition condition() {
        return condition;
    }

    /** The haywire mode, or null when not haywire. */
    public synchronized HaywireMode mode() {
        return mode;
    }

    /** Excess temperature 0..1 (1 = as hot as it gets). */
    public synchronized double heat() {
        update();
        return heat;
    }

    public synchronized int powerUps() {
        return powerUpCount;
    }

    public synchronized int haywirePowerUps() {
        return haywireCount;
    }

    /** What comes out of the other side when {@code data} goes into one side now (either direction). */
    public synchronized byte[] pass(byte[] data) {
        update();
        if (condition == Condition.GOOD) return data.clone();
        if (condition != Condition.HAYWIRE) return new byte[0];
        return switch (mode) {
            case SILENCE -> new byte[0];
            case GARBAGE -> {
                byte[] junk = new byte[noise.nextInt(2 * data.length + 1)];
                noise.nextBytes(junk);
                yield junk;
            }
            case BIT_ERRORS -> flipBits(data);
        };
    }

    private byte[] flipBits(byte[] data) {
        byte[] out = data.clone();
        for (int i = 0; i < out.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                if (noise.nextDouble() < profile.bitErrorRate()) out[i] ^= (byte) (1 << bit);
            }
        }
        return out;
    }

    private HaywireMode pickMode(double u) {
        double total = profile.silenceWeight() + profile.garbageWeight() + profile.bitErrorWeight();
        double x = u * total;
        if (x < profile.silenceWeight()) return HaywireMode.SILENCE;
        if (x < profile.silenceWeight() + profile.garbageWeight()) return HaywireMode.GARBAGE;
        return HaywireMode.BIT_ERRORS;
    }

    private void update() {
        long now = ticker.nanoTime();
        double dt = (now - updatedAt) / 1e9;
        updatedAt = now;
        if (dt <= 0) return;
        if (condition == Condition.HAYWIRE) {
            heat = 1 - (1 - heat) * Math.exp(-dt / (profile.heatTime().toNanos() / 1e9));
        } else {
            heat = heat * Math.exp(-dt / (profile.coolTime().toNanos() / 1e9));
        }
    }
}
