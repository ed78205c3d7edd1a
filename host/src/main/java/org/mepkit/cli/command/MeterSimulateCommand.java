package org.mepkit.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.KeyOptions;
import org.mepkit.cli.option.OpticalOptions;
import org.mepkit.cli.option.PortOptions;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.optical.OpticalKey;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortOpener;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.Ports;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.MeterTables;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.sim.optical.OpticalLayout;
import org.mepkit.sim.optical.OpticalMeterMachine;
import org.mepkit.sim.optical.OpticalTables;
import org.mepkit.sim.optical.VirtualOpticalMeter;
import org.mepkit.time.SystemTicker;
import org.mepkit.time.Ticker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep meter simulate}: plays an Echelon/NES meter on a serial port until stopped. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Serve a virtual Echelon/NES meter on a serial port until stopped (Ctrl-C).",
                "Profiles: default (ELON 83331-3I, fw 58.134, import on L1/L2, export on L3), import, export.",
                "With --optical: its optical port (ANSI C12.18, the same meter model and values) instead of MEP."})
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

    @Option(names = "--reply-trailer", negatable = true,
            description = "End every reply with the 8 bytes real meters send after the data (default: on; their content is unknown and nothing reads it).")
    Boolean replyTrailer; // null: not given (on for MEP; the optical port has no such trailer)

    @Option(names = "--optical", description = "Serve the optical (C12.18) port instead of MEP.")
    boolean optical;

    @Option(names = "--packet-size", paramLabel = "N",
            description = "With --optical: the largest packet the meter agrees to (default: 64).")
    Integer packetSize;

    @Option(names = "--layout", paramLabel = "NAME", defaultValue = "optical",
            description = "With --optical: BT21/BT23/BT28 as seen over a NES meter's optical port (optical: 2 summations,"
                    + " 10 present values) or as over MEP (mep) (default: ${DEFAULT-VALUE}).")
    String layoutName;

    private final PortOpener opener;
    private final CountDownLatch stop;
    private final Ticker opticalMeterClock;

    public MeterSimulateCommand() {
        this(Ports.OPENER, new CountDownLatch(1));
    }

    /** For tests: another opener, and a latch that stops the meter when counted down. */
    MeterSimulateCommand(PortOpener opener, CountDownLatch stop) {
        this(opener, stop, SystemTicker.INSTANCE);
    }

    /** For tests: also the clock the optical meter's registers grow by (a stopped one keeps its tables' bytes fixed). */
    MeterSimulateCommand(PortOpener opener, CountDownLatch stop, Ticker opticalMeterClock) {
        this.opener = opener;
        this.stop = stop;
        this.opticalMeterClock = opticalMeterClock;
    }

    @Override
    public Integer call() throws Exception {
        MeterProfile profile = ProfileNames.profile(profileName);
        if (optical) return serveOptical(profile);
        if (packetSize != null || !"optical".equals(layoutName)) {
            throw new MepException(ExitCodes.USAGE, "--packet-size and --layout go with --optical");
        }
        MbkKey mbk = key.key();
        PrintWriter out = spec.commandLine().getOut();
        try (SerialLine line = port.open(opener, LineSettings.MEP);
             VirtualMeter meter = new VirtualMeter(line, mbk, profile, SystemTicker.INSTANCE,
                     unpaced ? VirtualMeter.Pacing.UNPACED : VirtualMeter.Pacing.PACED)) {
            meter.withReplyTrailer(replyTrailer == null || replyTrailer).start();
            out.printf("virtual meter on %s at %d baud: profile %s (%s %s, firmware %s), %s; Ctrl-C stops%n",
                    port.port(), line.settings().baud(), profile.name(), profile.manufacturer(), profile.model(),
                    profile.firmwareVersion(), unpaced ? "unpaced" : "paced");
            out.flush();
            serveUntilStopped(meter::isRunning, meter::failure);
            meter.close();   // waits for the serving thread, so the counts below are final
            out.printf("virtual meter stopped: %d requests, %d answered, %d digest failures%n",
                    meter.requests(), meter.served(), meter.digestFailures());
            out.flush();
        }
        return ExitCodes.OK;
    }

    private Integer serveOptical(MeterProfile profile) throws Exception {
        if (replyTrailer != null) {
            throw new MepException(ExitCodes.USAGE, "--reply-trailer is a MEP reply's; it does not go with --optical");
        }
        OpticalLayout layout;
        OpticalMeterMachine.Config config = OpticalMeterMachine.Config.DEFAULT;
        try {
            layout = OpticalLayout.named(layoutName);
            if (packetSize != null) {
                if (packetSize < OpticalOptions.MIN_PACKET_SIZE) throw new IllegalArgumentException("--packet-size must be at least "
                        + OpticalOptions.MIN_PACKET_SIZE);
                config = config.withMaxPacketSize(packetSize);
            }
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, e.getMessage());
        }
        OpticalKey opticalKey = key.opticalKey();
        PrintWriter out = spec.commandLine().getOut();
        try (SerialLine line = port.open(opener, LineSettings.MEP)) {
            MeterTables tables = new MeterTables(profile, opticalMeterClock);
            OpticalMeterMachine machine = new OpticalMeterMachine(new OpticalTables(tables, profile, layout), opticalKey, config);
            try (VirtualOpticalMeter meter = new VirtualOpticalMeter(line, machine, SystemTicker.INSTANCE,
                    unpaced ? VirtualMeter.Pacing.UNPACED : VirtualMeter.Pacing.PACED)) {
                meter.start();
                out.printf("virtual meter, optical port (C12.18), on %s at %d baud: profile %s (%s %s, firmware %s), %s layout,"
                                + " packets up to %d bytes, %s; Ctrl-C stops%n",
                        port.port(), line.settings().baud(), profile.name(), profile.manufacturer(), profile.model(),
                        profile.firmwareVersion(), layout.name().toLowerCase(java.util.Locale.ROOT), config.maxPacketSize(),
                        unpaced ? "unpaced" : "paced");
                out.flush();
                serveUntilStopped(meter::isRunning, meter::failure);
                meter.close();
                out.printf("virtual meter stopped: %d requests, %d refused keys, %d retransmissions%n",
                        machine.requests(), machine.securityFailures(), machine.stats().retransmissions());
                out.flush();
            }
        }
        return ExitCodes.OK;
    }

    /** Waits for Ctrl-C (or the test's latch); a meter thread that died on its own is a port error. */
    private void serveUntilStopped(java.util.function.BooleanSupplier running, java.util.function.Supplier<Throwable> failure)
            throws InterruptedException {
        Thread hook = new Thread(stop::countDown, "mep-simulate-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (!stop.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (!running.getAsBoolean()) {
                    Throwable why = failure.get();
                    throw new MepException(ExitCodes.PORT, "the virtual meter stopped: " + (why == null ? "unknown reason" : why.getMessage()));
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of Ctrl-C: nothing to remove
            }
        }
    }
}
