package org.mepkit.recovery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mepkit.perf.Target;
import org.mepkit.serial.LineSettings;
import org.mepkit.sim.max3232.Max3232Profile;

/** {@code mep perf recovery}: legacy versus default on one seeded fault trace, in virtual time. */
public final class RecoveryBenchmark {

    /** The figures; times in seconds of virtual time. */
    public record Figures(String profile, long seed, int episodes,
                          double legacyMedian, double legacyP95, double defaultMedian, double defaultP95,
                          double floor, double defaultOutageMedian, double legacyOutageMedian,
                          int legacyUnrecovered, int defaultUnrecovered, int defaultCorruptAccepted) {

        public double speedup() {
            return legacyMedian / defaultMedian;
        }

        public double medianOverFloor() {
            return defaultMedian / floor;
        }

        /** The targets: default at least 5 x faster than legacy, its median at most 1.3 x the floor. */
        public List<Target> targets() {
            return List.of(Target.atLeast("speedup", speedup(), 5), Target.atMost("default_median_over_floor", medianOverFloor(), 1.3));
        }

        /** Keys as in the issue, snake_case, for {@code --json}; the targets are added by the command. */
        public Map<String, Object> asJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("benchmark", "recovery");
            json.put("chip_profile", profile);
            json.put("seed", seed);
            json.put("episodes", episodes);
            json.put("legacy_median_s", round(legacyMedian));
            json.put("legacy_p95_s", round(legacyP95));
            json.put("default_median_s", round(defaultMedian));
            json.put("default_p95_s", round(defaultP95));
            json.put("floor_s", round(floor));
            json.put("speedup", round(speedup()));
            json.put("default_median_over_floor", round(medianOverFloor()));
            json.put("legacy_outage_median_s", round(legacyOutageMedian));
            json.put("default_outage_median_s", round(defaultOutageMedian));
            json.put("legacy_unrecovered", legacyUnrecovered);
            json.put("default_unrecovered", defaultUnrecovered);
            json.put("default_corrupt_replies_accepted", defaultCorruptAccepted);
            return json;
        }
    }

    private RecoveryBenchmark() {
    }

    public static Figures run(Max3232Profile profile, long seed, int episodes) {
        LineSettings line = LineSettings.MEP;
        RecoveryReplay replay = new RecoveryReplay(line, profile);
        List<Long> trace = replay.faultTrace(seed, episodes);
        List<RecoveryReplay.Episode> legacy = replay.replay(RecoveryPolicy.LEGACY, trace);
        List<RecoveryReplay.Episode> dflt = replay.replay(RecoveryPolicy.DEFAULT, trace);
        return new Figures(profile.name(), seed, episodes,
                quantile(legacy, 0.5, false), quantile(legacy, 0.95, false),
                quantile(dflt, 0.5, false), quantile(dflt, 0.95, false),
                seconds(RecoveryReplay.floor(RecoveryPolicy.DEFAULT, line)),
                quantile(dflt, 0.5, true), quantile(legacy, 0.5, true),
                (int) legacy.stream().filter(e -> !e.recovered()).count(),
                (int) dflt.stream().filter(e -> !e.recovered()).count(),
                dflt.stream().mapToInt(RecoveryReplay.Episode::corruptAccepted).sum());
    }

    /** Nearest-rank quantile of recovery (or outage) times; unrecovered episodes count with their time so far. */
    static double quantile(List<RecoveryReplay.Episode> episodes, double q, boolean outage) {
        double[] values = episodes.stream()
                .mapToDouble(e -> seconds(outage ? e.outage() : e.recovery())).sorted().toArray();
        int rank = (int) Math.ceil(q * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
