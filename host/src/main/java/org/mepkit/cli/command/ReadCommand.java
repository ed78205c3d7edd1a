package org.mepkit.cli.command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.cli.option.KeyOptions;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.option.PortOptions;
import org.mepkit.mep.client.ClientTimings;
import org.mepkit.mep.client.LinkCounters;
import org.mepkit.mep.client.MeterClient;
import org.mepkit.mep.client.MeterReading;
import org.mepkit.mep.client.MeterSequenceException;
import org.mepkit.mep.client.MeterSession;
import org.mepkit.mep.client.MeterTimeoutException;
import org.mepkit.mep.frame.MepProtocolException;
import org.mepkit.mep.frame.MeterRefusedException;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.TableField;
import org.mepkit.power.SystemProcessLauncher;
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
                "Runs the board firmware's start-up reads (BT52, BT01, BT21, ET03, ET11, ET13, ET50), then BT23 + BT28."})
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

    @Option(names = "--timeout-scale", paramLabel = "X", defaultValue = "1.0",
            description = "Multiply the reply timeouts (wire time + 1 s turnaround margin) by X (default: ${DEFAULT-VALUE}).")
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
        ClientTimings timings;
        try {
            timings = ClientTimings.DEFAULT.withScale(timeoutScale);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, "--timeout-scale: " + e.getMessage());
        }
        MbkKey mbk = key.key();
        LinkCounters counters = new LinkCounters();
        MeterReading reading;
        MeterLinkRecovery recoveryUsed = null;
        try (SerialLine line = port.open(opener, LineSettings.MEP);
             RecoveryOptions.Attachment power = recovery.attach(line, counters, new SystemProcessLauncher())) {
            recoveryUsed = power.recovery();
            line.discardInput();
            MeterClient client = new MeterClient(line, mbk, SystemTicker.INSTANCE, recovery.timings(timings), power.listener());
            reading = new MeterSession(client).readOnce();
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
        print(reading, counters);
        return ExitCodes.OK;
    }

    /** "wrong MBK key?", saying how often the meter refused when the recovery engine made us resend. */
    static String refusalMessage(MeterLinkRecovery r) {
        if (r == null || r.refusalsInARow() < 2) return "the meter refused the digest: wrong MBK key?";
        return "the meter refused the digest " + r.refusalsInARow() + " times"
                + (r.cyclesDuringRefusals() > 0 ? ", also after power-cycling the MAX3232" : "") + ": wrong MBK key?";
    }

    private void print(MeterReading reading, LinkCounters counters) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> json = new LinkedHashMap<>(reading.toJson());
            json.put("units", reading.units());
            OutputOptions.printJson(out, json);
            return;
        }
        int width = reading.fields().stream().mapToInt(f -> f.name().length()).max().orElse(0);
        for (TableField field : reading.fields()) {
            out.printf("%-" + width + "s  %s%n", field.name(), field.valueText());
        }
        if (counters.retransmissions() > 0 || counters.resyncs() > 0 || counters.garbage() > 0 || counters.alerts() > 0) {
            out.printf("link: %d retransmission(s), %d sequence resync(s), %d garbage, %d alert(s)%n",
                    counters.retransmissions(), counters.resyncs(), counters.garbage(), counters.alerts());
        }
        out.flush();
    }
}
