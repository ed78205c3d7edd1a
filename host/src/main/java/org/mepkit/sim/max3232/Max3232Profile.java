package org.mepkit.sim.max3232;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How a simulated MAX3232 behaves at power-up.
 *
 * @param name         profile name
 * @param haywire      probability that a cool power-up comes up haywire
 * @param dead         never passes anything, powered or not
 * @param silenceWeight relative weight of {@link HaywireMode#SILENCE} among haywire power-ups
 * @param garbageWeight relative weight of {@link HaywireMode#GARBAGE}
 * @param bitErrorWeight relative weight of {@link HaywireMode#BIT_ERRORS}
 * @param bitErrorRate probability per bit of a flip in {@link HaywireMode#BIT_ERRORS}
 * @param heatTime     time constant of heating while haywire (excess temperature → 1)
 * @param coolTime     time constant of cooling while off or working
 * @param hotThreshold a power-up at or above this excess temperature always comes up haywire
 */
public record Max3232Profile(String name, double haywire, boolean dead,
                             double silenceWeight, double garbageWeight, double bitErrorWeight,
                             double bitErrorRate, Duration heatTime, Duration coolTime, double hotThreshold) {

    private static final Duration HEAT = Duration.ofSeconds(5);
    private static final Duration COOL = Duration.ofMillis(500);

    public static final Max3232Profile GENUINE = new Max3232Profile("genuine", 0.0, false, 1, 1, 1, 0.02, HEAT, COOL, 0.3);
    public static final Max3232Profile FLAKY = new Max3232Profile("flaky", 0.3, false, 1, 1, 1, 0.02, HEAT, COOL, 0.3);
    public static final Max3232Profile BAD = new Max3232Profile("bad", 0.9, false, 1, 1, 1, 0.02, HEAT, COOL, 0.3);
    public static final Max3232Profile DEAD = new Max3232Profile("dead", 1.0, true, 1, 0, 0, 0.0, HEAT, COOL, 0.3);

    public static final List<Max3232Profile> ALL = List.of(GENUINE, FLAKY, BAD, DEAD);

    public Max3232Profile {
        if (haywire < 0 || haywire > 1) throw new IllegalArgumentException("haywire probability must be 0..1: " + haywire);
        if (silenceWeight < 0 || garbageWeight < 0 || bitErrorWeight < 0 || silenceWeight + garbageWeight + bitErrorWeight <= 0) {
            throw new IllegalArgumentException("haywire mode weights must be non-negative and not all zero");
        }
        if (bitErrorRate < 0 || bitErrorRate > 1) throw new IllegalArgumentException("bit error rate must be 0..1");
        if (heatTime.isNegative() || heatTime.isZero() || coolTime.isNegative() || coolTime.isZero()) {
            throw new IllegalArgumentException("heat and cool time constants must be positive");
        }
    }

    /** {@code genuine}, {@code flaky}, {@code bad} or {@code dead}. */
    public static Max3232Profile named(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return ALL.stream().filter(p -> p.name.equals(key)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown MAX3232 profile '" + name + "' (genuine, flaky, bad, dead)"));
    }

    public Max3232Profile withHaywire(double probability) {
        return new Max3232Profile(name, probability, dead, silenceWeight, garbageWeight, bitErrorWeight,
                bitErrorRate, heatTime, coolTime, hotThreshold);
    }
}
