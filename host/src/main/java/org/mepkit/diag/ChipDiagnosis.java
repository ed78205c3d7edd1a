package org.mepkit.diag;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.mepkit.power.PowerException;
import org.mepkit.serial.SerialException;

/** Runs power-up trials on a {@link Jig} until the {@link SequentialTest} decides or {@code maxTrials} are done. */
public final class ChipDiagnosis {

    /** What cut a diagnosis short. */
    public enum Fault { NONE, PORT, POWER, INTERRUPTED }

    /**
     * What a diagnosis found. Every trial done is kept, also when it was cut short.
     *
     * @param verdict      the decision, or the most probable verdict when not converged; null with no trial
     * @param converged    the sequential test reached its confidence
     * @param posterior    posterior probability per verdict
     * @param firstGoodNanos diagnosis start → end of the first good exchange; -1 if none
     * @param abortedBy    the fault that cut the run short, or null
     * @param fault        which kind of fault that was
     */
    public record Result(String jig, List<Trial> trials, Verdict verdict, boolean converged, double confidence,
                         Map<Verdict, Double> posterior, int haywire, WilsonInterval haywireInterval,
                         long firstGoodNanos, String abortedBy, Fault fault) {

        public double haywireRate() {
            return trials.isEmpty() ? Double.NaN : haywire / (double) trials.size();
        }
    }

    private ChipDiagnosis() {
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public static Result run(Jig jig, int maxTrials, SequentialTest test, Consumer<Trial> progress) {
        if (maxTrials < 1) throw new IllegalArgumentException("max trials must be at least 1: " + maxTrials);
        List<Trial> trials = new ArrayList<>();
        String aborted = null;
        long firstGood = -1;
        int haywire = 0;
        boolean converged = false;
        Fault fault = Fault.NONE;
        try {
            for (int i = 1; i <= maxTrials; i++) {
                Trial trial = jig.runTrial(i);
                trials.add(trial);
                test.add(trial.outcome());
                if (trial.outcome().haywire()) haywire++;
                if (firstGood < 0 && trial.goodAfterNanos() >= 0) firstGood = trial.startNanos() + trial.goodAfterNanos();
                progress.accept(trial);
                if (test.decision().isPresent()) {
                    converged = true;
                    break;
                }
            }
        } catch (PowerException e) {
            aborted = message(e);
            fault = e.getCause() instanceof SerialException ? Fault.PORT : Fault.POWER;
        } catch (IOException e) {
            aborted = message(e);
            fault = Fault.PORT;
        } catch (InterruptedException e) {
            // not re-asserted: the result says INTERRUPTED, and the caller still writes its partial report
            // (a set interrupt flag would make those NIO file writes fail)
            aborted = "interrupted";
            fault = Fault.INTERRUPTED;
        }
        if (fault != Fault.NONE && fault != Fault.INTERRUPTED && Thread.interrupted()) {
            // a port or power call that was woken by an interrupt (Ctrl-C) reports it as its own failure
            aborted = "interrupted";
            fault = Fault.INTERRUPTED;
        }
        Verdict verdict = trials.isEmpty() ? null : test.best();
        return new Result(jig.describe(), List.copyOf(trials), verdict, converged, test.confidence(), test.posterior(),
                haywire, WilsonInterval.of95(haywire, trials.size()), firstGood, aborted, fault);
    }
}
