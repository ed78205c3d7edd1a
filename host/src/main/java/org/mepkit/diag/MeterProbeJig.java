package org.mepkit.diag;

import java.io.IOException;
import java.time.Duration;

import org.mepkit.mep.client.ClientTimings;
import org.mepkit.mep.client.LinkListener;
import org.mepkit.mep.client.MeterClient;
import org.mepkit.mep.client.MeterTimeoutException;
import org.mepkit.mep.frame.Command;
import org.mepkit.mep.frame.MepProtocolException;
import org.mepkit.mep.frame.Response;
import org.mepkit.mep.frame.ResponseCode;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.TableId;
import org.mepkit.power.OutputLine;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.Ticker;

/**
 * A jig with a meter behind the MAX3232 instead of a loopback jumper: each trial powers the chip up,
 * asserts ENABLE and sends one cheap MEP request (a 1-byte partial read of BT23). Outcomes: a reply
 * → GOOD (any code but 0x0B: the link carried the frame both ways), 0x0B → BIT_ERRORS (the meter saw a
 * corrupted digest; with the right key that means bit errors), no reply → SILENT, only garbage →
 * GARBAGE. Bit errors cannot be counted against a meter ({@link Trial#bitErrors()} is -1); byte errors
 * are the garbage bytes seen.
 */
public final class MeterProbeJig implements Jig {

    public static final Command PROBE = Command.partialRead(TableId.BT23, 0, 1);

    private final SerialLine line;
    private final OutputLine power;
    private final OutputLine enable;
    private final Ticker ticker;
    private final TrialTiming timing;
    private final MeterClient client;
    private final long origin;
    private int garbageBytes;
    private int authRefusals;

    public MeterProbeJig(SerialLine line, OutputLine power, OutputLine enable, MbkKey key, Ticker ticker,
                         TrialTiming timing, ClientTimings clientTimings) {
        this.line = line;
        this.power = power;
        this.enable = enable;
        this.ticker = ticker;
        this.timing = timing;
        LinkListener counter = new LinkListener() {
            @Override
            public void garbage(byte[] dropped, String reason) {
                garbageBytes += dropped.length;
            }
        };
        this.client = new MeterClient(line, key, ticker, clientTimings.withMaxAttempts(1), counter);
        this.origin = ticker.nanoTime();
    }

    @Override
    public String describe() {
        return line.name() + ", power " + power.name() + ", ENABLE " + enable.name() + ", meter probe";
    }

    /** Trials answered 0x0B so far: all of them means a wrong key rather than a bad chip. */
    public int authRefusals() {
        return authRefusals;
    }

    @Override
    public Trial runTrial(int index) throws IOException, InterruptedException {
        enable.set(false);
        power.set(false);
        ticker.waitFor(timing.coolOff());
        power.set(true);
        long start = ticker.nanoTime();
        ticker.waitFor(timing.settle());
        enable.set(true);
        ticker.waitFor(timing.settle());
        line.discardInput();
        garbageBytes = 0;
        int sent = PROBE.body().length + 14;
        TrialOutcome outcome;
        int received = 0;
        try {
            Response response = client.exchange(PROBE);
            if (response instanceof Response.Failure f && f.code() == ResponseCode.AUTHENTICATION_FAILURE) {
                authRefusals++;
                outcome = TrialOutcome.BIT_ERRORS;
                received = f.packet().length;
            } else {
                outcome = TrialOutcome.GOOD;
                received = response instanceof Response.Data d ? d.packet().length
                        : response instanceof Response.Failure f ? f.packet().length : 0;
            }
        } catch (MeterTimeoutException | MepProtocolException e) {
            outcome = garbageBytes > 0 ? TrialOutcome.GARBAGE : TrialOutcome.SILENT;
        }
        long end = ticker.nanoTime();
        return new Trial(index, outcome, sent, received + garbageBytes, garbageBytes, -1, start - origin,
                outcome == TrialOutcome.GOOD ? end - start : -1);
    }

    @Override
    public long elapsedNanos() {
        return ticker.nanoTime() - origin;
    }

    /** Client timings for trials: the default margin, one attempt. */
    public static ClientTimings timings(Duration turnaroundMargin) {
        return ClientTimings.DEFAULT.withTurnaroundMargin(turnaroundMargin).withMaxAttempts(1);
    }
}
