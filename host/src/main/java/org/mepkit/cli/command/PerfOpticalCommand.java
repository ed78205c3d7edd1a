package org.mepkit.cli.command;

import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.progress.Progress;
import org.mepkit.perf.OpticalBenchmark;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyMasterLine;
import org.mepkit.sim.meter.MeterProfile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep perf optical}: a whole optical (C12.18) read session against the wire time of its bytes. */
@Command(name = "optical", mixinStandardHelpOptions = true,
        description = {"Measure whole mep read --optical sessions (ident ... BT23 + BT28 ... terminate) against the virtual "
                        + "optical meter paced at 9600 baud over a pseudo-terminal; ratio = median session / wire time of every byte "
                        + "both ends sent (ACKs included), target <= 1.10. Exits 1 when the target is missed."})
public final class PerfOpticalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Measured sessions (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1", description = "Unmeasured sessions first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = MeterProfile.DEFAULT_NAME,
            description = "Meter profile (default: ${DEFAULT-VALUE}).")
    String profileName;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 1000) throw new MepException(ExitCodes.USAGE, "--runs must be 1..1000");
        if (warmup < 0) throw new MepException(ExitCodes.USAGE, "--warmup must not be negative");
        MeterProfile profile = ProfileNames.profile(profileName);
        PtyMasterLine meterEnd = PtyMasterLine.open(LineSettings.MEP);
        OpticalBenchmark.Result r;
        try (Progress progress = Progress.stderr(spec, "perf optical")) {
            progress.update(warmup + " warm-up and " + runs + " measured sessions");
            r = OpticalBenchmark.run(meterEnd, JscPorts.open(meterEnd.slavePath(), LineSettings.MEP), profile, warmup, runs);
        }
        OpticalBenchmark.Result result = r;
        return PerfVerdict.report(spec, output.json(), r.toJson(), r.targets(), out ->
                out.printf("optical read session at %d baud, %d runs: median %.1f ms (min %.1f, max %.1f); %d + %d bytes (client + meter,"
                                + " ACKs included), %d packets, wire %.1f ms; ratio %.3f%n",
                        result.baud(), result.runs(), result.sessionS() * 1e3, result.minS() * 1e3, result.maxS() * 1e3,
                        result.clientBytes(), result.meterBytes(), result.packets(), result.wireS() * 1e3, result.ratio()));
    }
}
