package org.mepkit.diag;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a verdict as early as the trials allow: a Bayesian sequential test between four simple
 * hypotheses with equal priors, each a distribution over {good, haywire with output, silent}:
 * GOOD (haywire rate 1 %), FLAKY (30 %), BAD (90 %) and DEAD (never good, always silent). Half of
 * the haywire power-ups are assumed silent (conservative: it makes DEAD slower to call). It stops
 * when one hypothesis holds at least {@code confidence} of the posterior after {@code minTrials}.
 */
public final class SequentialTest {

    /** Haywire rates the hypotheses stand for. */
    static final double GOOD_RATE = 0.01;
    static final double FLAKY_RATE = 0.30;
    static final double BAD_RATE = 0.90;
    private static final double SILENT_SHARE = 0.5;
    private static final double DEAD_SLIP = 1e-9;

    private final double confidence;
    private final int minTrials;
    private final Map<Verdict, Double> logLikelihood = new EnumMap<>(Verdict.class);
    private int trials;

    public SequentialTest(double confidence, int minTrials) {
        if (confidence <= 0.5 || confidence >= 1) throw new IllegalArgumentException("confidence must be in (0.5, 1)");
        this.confidence = confidence;
        this.minTrials = minTrials;
        for (Verdict v : Verdict.values()) logLikelihood.put(v, 0.0);
    }

    public static SequentialTest standard() {
        return new SequentialTest(0.99, 5);
    }

    public double confidence() {
        return confidence;
    }

    public void add(TrialOutcome outcome) {
        trials++;
        for (Verdict v : Verdict.values()) {
            logLikelihood.merge(v, Math.log(probability(v, outcome)), Double::sum);
        }
    }

    static double probability(Verdict hypothesis, TrialOutcome outcome) {
        if (hypothesis == Verdict.DEAD) {
            return outcome == TrialOutcome.SILENT ? 1 - 2 * DEAD_SLIP : DEAD_SLIP;
        }
        double rate = switch (hypothesis) {
            case GOOD -> GOOD_RATE;
            case FLAKY -> FLAKY_RATE;
            default -> BAD_RATE;
        };
        return switch (outcome) {
            case GOOD -> 1 - rate;
            case SILENT -> rate * SILENT_SHARE;
            default -> rate * (1 - SILENT_SHARE);
        };
    }

    /** Posterior probability of each verdict given the trials so far. */
    public Map<Verdict, Double> posterior() {
        double max = logLikelihood.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double sum = 0;
        Map<Verdict, Double> post = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            double w = Math.exp(logLikelihood.get(v) - max);
            post.put(v, w);
            sum += w;
        }
        for (Verdict v : Verdict.values()) post.put(v, post.get(v) / sum);
        return post;
    }

    /** The most probable verdict now. */
    public Verdict best() {
        return posterior().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** The verdict once the evidence suffices, otherwise empty. */
    public Optional<Verdict> decision() {
        if (trials < minTrials) return Optional.empty();
        Verdict best = best();
        return posterior().get(best) >= confidence ? Optional.of(best) : Optional.empty();
    }
}
