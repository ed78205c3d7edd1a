package org.mepkit.cli.command;

import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.option.Renamed;
import org.mepkit.cli.progress.Progress;
import org.mepkit.perf.PollBenchmark;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.pty.PtyMasterLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.sim.meter.MeterProfile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep perf poll}: the BT23 + BT28 poll-efficiency benchmark over an in-process pseudo-terminal. */
@Command(name = "poll", mixinStandardHelpOptions = true,
        description = "Measure back-to-back BT23 + BT28 polling cycles against the virtual meter paced at 9600 baud "
                + "over a pseudo-terminal; ratio = median cycle / (wire time + meter turnaround), target <= 1.05.")
public final class PerfPollCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--runs", paramLabel = "N", description = "Measured cycles (default: ${DEFAULT-VALUE}).")
    int cycles = 20;

    @Option(names = "--cycles", hidden = true, paramLabel = "N")
    void oldCycles(int n) {
        Renamed.note(spec, "--cycles", "--runs");
        cycles = n;
    }

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3", description = "Unmeasured cycles first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = MeterProfile.DEFAULT_NAME, description = "Meter profile (default: ${DEFAULT-VALUE}).")
    String profileName;

    @Override
    public Integer call() throws Exception {
        if (cycles < 1 || cycles > 10_000) throw new MepException(ExitCodes.USAGE, "--runs must be 1..10000");
        if (warmup < 0) throw new MepException(ExitCodes.USAGE, "--warmup must not be negative");
        MeterProfile profile = ProfileNames.profile(profileName);
        PollBenchmark.Result result;
        PtyMasterLine meterEnd = PtyMasterLine.open(LineSettings.MEP);
        try (Progress progress = Progress.stderr(spec, "perf poll")) {
            progress.update("start-up reads and " + warmup + " warm-up cycles");
            result = PollBenchmark.run(meterEnd, JscPorts.open(meterEnd.slavePath(), LineSettings.MEP), profile, warmup, cycles,
                    done -> progress.update(done, cycles, "cycles"));
        } finally {
            meterEnd.close();
        }
        PollBenchmark.Result r = result;
        return PerfVerdict.report(spec, output.json(), r.toJson(), r.targets(), out ->
                out.printf("poll cycle (BT23 partial + BT28) at %d baud, %d cycles: median %.1f ms, p95 %.1f ms;"
                                + " wire %.1f ms + turnaround %.1f ms; ratio %.3f%n",
                        r.baud(), r.cycles(), r.cycleS() * 1e3, r.p95S() * 1e3, r.wireS() * 1e3, r.turnaroundS() * 1e3, r.ratio()));
    }
}
