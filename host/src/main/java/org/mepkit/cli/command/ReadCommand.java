package org.mepkit.cli.command;

import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.KeyOptions;
import org.mepkit.cli.option.OpticalOptions;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.option.PortOptions;
import org.mepkit.mep.client.ClientTimings;
import org.mepkit.mep.client.LinkCounters;
import org.mepkit.mep.client.MepMeterReader;
import org.mepkit.mep.client.MeterClient;
import org.mepkit.mep.client.MeterSequenceException;
import org.mepkit.mep.client.MeterSession;
import org.mepkit.mep.client.MeterTimeoutException;
import org.mepkit.mep.frame.MepProtocolException;
import org.mepkit.mep.frame.MeterRefusedException;
import org.mepkit.mep.frame.TableDecodeException;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.optical.OpticalKey;
import org.mepkit.optical.OpticalMeterReader;
import org.mepkit.optical.OpticalSettings;
import org.mepkit.optical.link.LinkProfile;
import org.mepkit.optical.link.LinkStats;
import org.mepkit.optical.link.OpticalLink;
import org.mepkit.optical.OpticalException;
import org.mepkit.optical.service.C1218Client;
import org.mepkit.optical.service.SecurityRefusedException;
import org.mepkit.power.SystemProcessLauncher;
import org.mepkit.reading.Reading;
import org.mepkit.recovery.MeterLinkRecovery;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortOpener;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.Ports;
import org.mepkit.time.SystemTicker;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mep read}: reads a meter once (identity, energy registers, present values) and prints them. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = {"Read a meter once: identity, clock, energy registers and present values.",
                "Runs the board firmware's start-up reads (BT52, BT01, BT21, ET03, ET11, ET13, ET50), then BT23 + BT28.",
                "With --optical: one ANSI C12.18 session through an optical probe (ident, negotiate, logon, security, "
                        + "BT00, BT01, BT21, ET03 and BT52 when BT00 lists them, BT23, BT28, logoff, terminate); same output."})
public final class ReadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PortOptions port;

    @Mixin
    KeyOptions key;

    @Mixin
    OutputOptions output;

    @Mixin
    RecoveryOptions recovery;

    @Mixin
    OpticalOptions optical;

    @Option(names = "--timeout-scale", paramLabel = "X", defaultValue = "1.0",
            description = "Multiply the reply timeouts (wire time + 1 s turnaround margin; with --optical the C12.18 link's"
                    + " 2 s ACK, 500 ms inter-character and 6 s channel traffic timeouts) by X (default: ${DEFAULT-VALUE}).")
    double timeoutScale;

    private final PortOpener opener;

    public ReadCommand() {
        this(Ports.OPENER);
    }

    /** For tests: another way to open {@code --port}. */
    ReadCommand(PortOpener opener) {
        this.opener = opener;
    }

    @Override
    public Integer call() throws Exception {
        OpticalSettings opticalSettings = optical.settings();
        if (optical.optical()) return readOptical(opticalSettings);
        ClientTimings timings;
        try {
            timings = ClientTimings.DEFAULT.withScale(timeoutScale);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, "--timeout-scale: " + e.getMessage());
        }
        MbkKey mbk = key.key();
        LinkCounters counters = new LinkCounters();
        Reading reading;
        MeterLinkRecovery recoveryUsed = null;
        try (SerialLine line = port.open(opener, LineSettings.MEP);
             RecoveryOptions.Attachment power = recovery.attach(line, counters, new SystemProcessLauncher())) {
            recoveryUsed = power.recovery();
            line.discardInput();
            MeterClient client = new MeterClient(line, mbk, SystemTicker.INSTANCE, recovery.timings(timings), power.listener());
            reading = new MepMeterReader(new MeterSession(client)).read();
        } catch (MeterRefusedException e) {
            if (e.isAuthenticationFailure()) {
                throw new MepException(ExitCodes.AUTHENTICATION, refusalMessage(recoveryUsed));
            }
            throw new MepException(ExitCodes.PROTOCOL, e.getMessage() + " (on " + port.port() + ")");
        } catch (MeterTimeoutException | MeterSequenceException e) {
            throw new MepException(ExitCodes.PROTOCOL, e.getMessage() + " on " + port.port());
        } catch (MepProtocolException e) {
            throw new MepException(ExitCodes.PROTOCOL, "the meter's answer made no sense: " + e.getMessage());
        }
        String link = null;
        if (counters.retransmissions() > 0 || counters.resyncs() > 0 || counters.garbage() > 0 || counters.alerts() > 0) {
            link = String.format("link: %d retransmission(s), %d sequence resync(s), %d garbage, %d alert(s)",
                    counters.retransmissions(), counters.resyncs(), counters.garbage(), counters.alerts());
        }
        ReadingOutput.print(spec.commandLine().getOut(), reading, output.json(), link);
        return ExitCodes.OK;
    }

    /** One C12.18 session through the optical port: the same output, exit 6 for a refused key, 5 for the protocol. */
    private Integer readOptical(OpticalSettings settings) throws Exception {
        if (recovery.power != null || recovery.enable != null) {
            throw new MepException(ExitCodes.USAGE, "--power and --enable switch the MEP port's MAX3232; an optical probe has none");
        }
        LinkProfile profile;
        try {
            profile = LinkProfile.C1218.scaled(timeoutScale);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, "--timeout-scale: " + e.getMessage());
        }
        OpticalKey opticalKey = key.opticalKey();
        LinkStats stats = new LinkStats();
        Reading reading;
        try (SerialLine line = port.open(opener, LineSettings.MEP)) {
            OpticalLink link = new OpticalLink(line, SystemTicker.INSTANCE, profile, stats);
            reading = new OpticalMeterReader(new C1218Client(link), opticalKey, settings).read();
        } catch (SecurityRefusedException e) {
            throw new MepException(ExitCodes.AUTHENTICATION, e.getMessage());
        } catch (OpticalException e) {
            throw new MepException(ExitCodes.PROTOCOL, e.getMessage() + " (on " + port.port() + ")");
        } catch (TableDecodeException e) {
            throw new MepException(ExitCodes.PROTOCOL, "the meter's answer made no sense: " + e.getMessage());
        }
        String link = null;
        if (stats.anyTrouble()) {
            link = String.format("link: %d retransmission(s), %d NAK(s) received, %d NAK(s) sent, %d duplicate(s), %d bad packet(s)",
                    stats.retransmissions(), stats.naksReceived(), stats.naksSent(), stats.duplicates(), stats.badPackets());
        }
        ReadingOutput.print(spec.commandLine().getOut(), reading, output.json(), link);
        return ExitCodes.OK;
    }

    /** "wrong MBK key?", saying how often the meter refused when the recovery engine made us resend. */
    static String refusalMessage(MeterLinkRecovery r) {
        if (r == null || r.refusalsInARow() < 2) return "the meter refused the digest: wrong MBK key?";
        return "the meter refused the digest " + r.refusalsInARow() + " times"
                + (r.cyclesDuringRefusals() > 0 ? ", also after power-cycling the MAX3232" : "") + ": wrong MBK key?";
    }
}
