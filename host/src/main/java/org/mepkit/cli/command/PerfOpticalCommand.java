package org.mepkit.cli.command;

import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.perf.OpticalBenchmark;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.SocatPair;
import org.mepkit.sim.meter.MeterProfile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep perf optical}: a whole optical (C12.18) read session against the wire time of its bytes. */
@Command(name = "optical", mixinStandardHelpOptions = true,
        description = {"Measure whole mep read --optical sessions (ident ... BT23 + BT28 ... terminate) against the virtual",
                "optical meter paced at 9600 baud over a socat pty pair; ratio = median session / wire time of every byte",
                "both ends sent (ACKs included), target <= 1.10. Exits 1 when the target is missed."})
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
        MeterProfile profile;
        try {
            profile = MeterProfile.named(profileName);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, e.getMessage());
        }
        OpticalBenchmark.Result r;
        try (SocatPair ptys = SocatPair.start()) {
            r = OpticalBenchmark.run(JscPorts::open, ptys.pathA().toString(), ptys.pathB().toString(), profile, warmup, runs);
        } catch (SocatPair.SocatUnavailableException e) {
            throw new MepException(ExitCodes.TOOL, e.getMessage());
        }
        var out = spec.commandLine().getOut();
        if (output.json()) {
            OutputOptions.printJson(out, r.toJson());
        } else {
            out.printf("optical read session at %d baud, %d runs: median %.1f ms (min %.1f, max %.1f); %d + %d bytes (client + meter,"
                            + " ACKs included), %d packets, wire %.1f ms; ratio %.3f (target <= %.2f): %s%n",
                    r.baud(), r.runs(), r.sessionS() * 1e3, r.minS() * 1e3, r.maxS() * 1e3, r.clientBytes(), r.meterBytes(),
                    r.packets(), r.wireS() * 1e3, r.ratio(), OpticalBenchmark.TARGET_RATIO, r.targetsMet() ? "met" : "MISSED");
            out.flush();
        }
        return r.targetsMet() ? ExitCodes.OK : ExitCodes.VERDICT_FAILED;
    }
}
