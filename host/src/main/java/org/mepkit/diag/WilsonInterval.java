package org.mepkit.diag;

/** The Wilson score interval of a binomial proportion: sound at 0 and n successes, unlike the normal approximation. */
public record WilsonInterval(double lower, double upper) {

    /** z for a two-sided 95 % interval. */
    public static final double Z95 = 1.959963984540054;

    public static WilsonInterval of(int successes, int trials, double z) {
        if (trials < 0 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials: " + successes + "/" + trials);
        }
        if (trials == 0) return new WilsonInterval(0, 1);
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    public static WilsonInterval of95(int successes, int trials) {
        return of(successes, trials, Z95);
    }
}
