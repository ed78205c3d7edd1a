package org.mepkit.board;

/**
 * How a board's MAX3232 behaves at power-up: the chance that it comes up working. A chip that
 * came up broken passes no bytes until its next power cycle. The names follow the recovery
 * issue's fault profiles (genuine, flaky, bad, dead).
 */
public enum Max3232Profile {
    GENUINE(1.0), FLAKY(0.7), BAD(0.2), DEAD(0.0);

    private final double goodPowerUpProbability;

    Max3232Profile(double goodPowerUpProbability) {
        this.goodPowerUpProbability = goodPowerUpProbability;
    }

    public double goodPowerUpProbability() {
        return goodPowerUpProbability;
    }

    public static Max3232Profile parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown MAX3232 profile '" + text + "' (genuine, flaky, bad, dead)");
        }
    }
}
