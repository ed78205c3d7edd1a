package org.mepkit.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.KeyOptions;
import org.mepkit.cli.option.PortOptions;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortOpener;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.Ports;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.SystemTicker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep meter simulate}: plays an Echelon/NES meter on a serial port until stopped. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Serve a virtual Echelon/NES meter on a serial port until stopped (Ctrl-C).",
                "Profiles: default (ELON 83331-3I, fw 58.134, import on L1/L2, export on L3), import, export."})
public final class MeterSimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PortOptions port;

    @Mixin
    KeyOptions key;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = MeterProfile.DEFAULT_NAME,
            description = "Meter profile (default: ${DEFAULT-VALUE}).")
    String profileName;

    @Option(names = "--unpaced", description = "Answer at once instead of at the line's baud plus the meter's turnaround.")
    boolean unpaced;

    @Option(names = "--reply-trailer", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "End every reply with the 8 bytes real meters send after the data (default: on; their content is unknown and nothing reads it).")
    boolean replyTrailer = true;

    private final PortOpener opener;
    private final CountDownLatch stop;

    public MeterSimulateCommand() {
        this(Ports.OPENER, new CountDownLatch(1));
    }

    /** For tests: another opener, and a latch that stops the meter when counted down. */
    MeterSimulateCommand(PortOpener opener, CountDownLatch stop) {
        this.opener = opener;
        this.stop = stop;
    }

    @Override
    public Integer call() throws Exception {
        MeterProfile profile;
        try {
            profile = MeterProfile.named(profileName);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, e.getMessage());
        }
        MbkKey mbk = key.key();
        PrintWriter out = spec.commandLine().getOut();
        try (SerialLine line = port.open(opener, LineSettings.MEP);
             VirtualMeter meter = new VirtualMeter(line, mbk, profile, SystemTicker.INSTANCE,
                     unpaced ? VirtualMeter.Pacing.UNPACED : VirtualMeter.Pacing.PACED)) {
            Thread hook = new Thread(stop::countDown, "mep-simulate-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            meter.withReplyTrailer(replyTrailer).start();
            out.printf("virtual meter on %s at %d baud: profile %s (%s %s, firmware %s), %s; Ctrl-C stops%n",
                    port.port(), line.settings().baud(), profile.name(), profile.manufacturer(), profile.model(),
                    profile.firmwareVersion(), unpaced ? "unpaced" : "paced");
            out.flush();
            while (!stop.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (!meter.isRunning()) {
                    Throwable why = meter.failure();
                    throw new MepException(ExitCodes.PORT, "the virtual meter stopped: "
                            + (why == null ? "unknown reason" : why.getMessage()));
                }
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of Ctrl-C: nothing to remove
            }
            meter.close();   // waits for the serving thread, so the counts below are final
            out.printf("virtual meter stopped: %d requests, %d answered, %d digest failures%n",
                    meter.requests(), meter.served(), meter.digestFailures());
            out.flush();
        }
        return ExitCodes.OK;
    }
}
