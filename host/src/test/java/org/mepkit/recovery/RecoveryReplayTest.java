package org.mepkit.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mepkit.serial.LineSettings;
import org.mepkit.sim.max3232.Max3232Profile;

/** The replay behind {@code mep perf recovery}: deterministic, and no episode beats physics. */
class RecoveryReplayTest {

    private final RecoveryReplay replay = new RecoveryReplay(LineSettings.MEP, Max3232Profile.FLAKY);

    @Test
    void theSameSeedsReplayTheSameEpisodes() {
        List<Long> trace = replay.faultTrace(10, 30);
        assertEquals(trace, replay.faultTrace(10, 30));
        assertEquals(replay.replay(RecoveryPolicy.DEFAULT, trace), replay.replay(RecoveryPolicy.DEFAULT, trace));
    }

    @Test
    void noEpisodeIsFasterThanItsPolicyAllows() {
        List<Long> trace = replay.faultTrace(1, 100);
        Duration floor = RecoveryReplay.floor(RecoveryPolicy.DEFAULT, LineSettings.MEP);
        for (RecoveryReplay.Episode e : replay.replay(RecoveryPolicy.DEFAULT, trace)) {
            assertTrue(e.recovery().compareTo(floor) >= 0, "seed " + e.seed() + ": " + e.recovery() + " < floor " + floor);
            assertTrue(e.cycles() >= 1, "seed " + e.seed() + " starts haywire, so it needs a cycle");
        }
        for (RecoveryReplay.Episode e : replay.replay(RecoveryPolicy.LEGACY, trace)) {
            assertTrue(e.recovery().compareTo(Duration.ofSeconds(3)) >= 0, "seed " + e.seed() + ": legacy cycle is 3 s");
            assertTrue(e.outage().compareTo(Duration.ofSeconds(13)) >= 0, "seed " + e.seed() + ": legacy detects after 10 s");
        }
    }

    @Test
    void aSingleCycleDefaultRecoveryIsFloorPlusTurnaround() {
        Duration floor = RecoveryReplay.floor(RecoveryPolicy.DEFAULT, LineSettings.MEP);
        RecoveryReplay.Episode one = replay.replay(RecoveryPolicy.DEFAULT, replay.faultTrace(1, 100)).stream()
                .filter(e -> e.cycles() == 1 && e.corruptAccepted() == 0).findFirst().orElseThrow();
        assertEquals(floor.plus(RecoveryReplay.TURNAROUND), one.recovery(), "seed " + one.seed());
    }

    @Test
    void benchmarkFiguresAreConsistent() {
        RecoveryBenchmark.Figures f = RecoveryBenchmark.run(Max3232Profile.FLAKY, 1, 50);
        assertEquals(f.legacyMedian() / f.defaultMedian(), f.speedup(), 1e-12);
        assertTrue(f.legacyMedian() <= f.legacyP95() && f.defaultMedian() <= f.defaultP95());
        assertTrue(f.asJson().keySet().containsAll(List.of("legacy_median_s", "legacy_p95_s", "default_median_s",
                "default_p95_s", "floor_s", "speedup")));
    }
}
