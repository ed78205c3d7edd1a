package org.mepkit.cli.command;

import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.Max3232Option;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.option.Renamed;
import org.mepkit.recovery.RecoveryBenchmark;
import org.mepkit.sim.max3232.Max3232Profile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep perf recovery}: legacy vs default recovery on one seeded fault trace (virtual time). */
@Command(name = "recovery", mixinStandardHelpOptions = true,
        description = {"Legacy vs default MAX3232 recovery on one seeded fault trace (virtual time).",
                "Recovery time = link declared suspect -> first clean exchange.",
                "Floor = cool-off + settle + ENABLE settle + the probe on the wire.",
                "Targets: speedup >= 5 and default median <= 1.3 x floor."})
public final class PerfRecoveryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--max3232", paramLabel = "PROFILE", description = "Fault model profile (flaky, bad; default ${DEFAULT-VALUE}).")
    String chip = "flaky";

    @Option(names = "--chip", hidden = true, paramLabel = "PROFILE")
    void oldChip(String profile) {
        Renamed.note(spec, "--chip", "--max3232");
        chip = profile;
    }

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "First seed of the trace (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "200", description = "Fault episodes in the trace (default ${DEFAULT-VALUE}).")
    int episodes;

    @Override
    public Integer call() throws Exception {
        if (episodes < 1 || episodes > 100_000) throw new MepException(ExitCodes.USAGE, "--episodes must be 1..100000");
        Max3232Profile profile = Max3232Option.profile(chip);
        if (profile.haywire() == 0 || profile.dead()) {
            throw new MepException(ExitCodes.USAGE, "--max3232 " + chip + " gives no recoverable faults; use flaky or bad");
        }
        RecoveryBenchmark.Figures f = RecoveryBenchmark.run(profile, seed, episodes);
        return PerfVerdict.report(spec, output.json(), f.asJson(), f.targets(), out -> {
            out.printf("recovery on '%s' chips, %d episodes (seed %d), virtual time%n", f.profile(), f.episodes(), f.seed());
            out.printf("  legacy : median %.3f s, p95 %.3f s%n", f.legacyMedian(), f.legacyP95());
            out.printf("  default: median %.3f s, p95 %.3f s (floor %.3f s, median/floor %.2f)%n",
                    f.defaultMedian(), f.defaultP95(), f.floor(), f.medianOverFloor());
            out.printf("  speedup: %.1f x%n", f.speedup());
        });
    }
}
