package org.mepkit.cli.command;

import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.option.Renamed;
import org.mepkit.perf.PollBenchmark;
import org.mepkit.serial.pty.SocatPair;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.sim.meter.MeterProfile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep perf poll}: the BT23 + BT28 poll-efficiency benchmark over a socat pty pair. */
@Command(name = "poll", mixinStandardHelpOptions = true,
        description = "Measure back-to-back BT23 + BT28 polling cycles against the virtual meter paced at 9600 baud "
                + "over a socat pty pair; ratio = median cycle / (wire time + meter turnaround), target <= 1.05.")
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
        MeterProfile profile;
        try {
            profile = MeterProfile.named(profileName);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, e.getMessage());
        }
        PollBenchmark.Result result;
        try (SocatPair ptys = SocatPair.start()) {
            result = PollBenchmark.run(JscPorts::open, ptys.pathA().toString(), ptys.pathB().toString(), profile, warmup, cycles);
        } catch (SocatPair.SocatUnavailableException e) {
            throw new MepException(ExitCodes.TOOL, e.getMessage());
        }
        var out = spec.commandLine().getOut();
        if (output.json()) {
            OutputOptions.printJson(out, result.toJson());
        } else {
            out.printf("poll cycle (BT23 partial + BT28) at %d baud, %d cycles: median %.1f ms, p95 %.1f ms;"
                            + " wire %.1f ms + turnaround %.1f ms; ratio %.3f (target <= 1.05)%n",
                    result.baud(), result.cycles(), result.cycleS() * 1e3, result.p95S() * 1e3,
                    result.wireS() * 1e3, result.turnaroundS() * 1e3, result.ratio());
            out.flush();
        }
        return ExitCodes.OK;
    }
}
