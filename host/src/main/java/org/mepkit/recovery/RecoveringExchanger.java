package org.mepkit.recovery;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;

import org.mepkit.serial.SerialLine;
import org.mepkit.time.Ticker;

/**
 * Request/reply over a {@link SerialLine} with MAX3232 recovery: it feeds the {@link RecoveryMachine}
 * what the line does and carries out what the machine asks (send the probe). The waiting is
 * reading the line with a timeout up to the machine's next deadline, or waiting on the ticker
 * while the chip is off; the machine itself never blocks.
 */
public final class RecoveringExchanger {

    private static final Duration MAX_READ_SLICE = Duration.ofMillis(100);

    private final SerialLine line;
    private final RecoveryMachine machine;
    private final Ticker ticker;

    public RecoveringExchanger(SerialLine line, RecoveryMachine machine, Ticker ticker) {
        this.line = line;
        this.machine = machine;
        this.ticker = ticker;
    }

    public RecoveryMachine machine() {
        return machine;
    }

    /** Powers the chip up (if not yet) and waits until the machine is ready. */
    public void start() throws IOException, InterruptedException {
        if (machine.state() == RecoveryState.OFF) machine.start();
        while (machine.poll() != RecoveryState.HEALTHY) {
            if (machine.state() == RecoveryState.ESCALATED) throw new ChipNotRecoveringException(machine.cycle());
            waitForDeadline();
        }
        line.discardInput();
    }

    /**
     * Sends {@code request} and returns its reply as judged complete by {@code check}. On a fault the
     * machine power-cycles the chip; after each cycle {@code probe} (or, if null or the policy says
     * so, the request itself) is sent, and after a good probe the request again.
     *
     * @throws ChipNotRecoveringException when the machine escalates
     */
    public byte[] exchange(byte[] request, int replyBytes, byte[] probe, int probeReplyBytes, ReplyCheck check)
            throws IOException, InterruptedException {
        if (machine.state() != RecoveryState.HEALTHY) start();
        boolean useProbe = probe != null && machine.policy().probe() == RecoveryPolicy.Probe.CHEAP_REQUEST;
        byte[] inFlight = request;
        send(request, replyBytes);
        byte[] buffer = new byte[4096];
        int length = 0;
        while (true) {
            RecoveryState state = machine.poll();
            if (state == RecoveryState.ESCALATED) throw new ChipNotRecoveringException(machine.cycle());
            if (state == RecoveryState.PROBE_DUE) {
                line.discardInput();
                length = 0;
                inFlight = useProbe ? probe : request;
                send(inFlight, useProbe ? probeReplyBytes : replyBytes);
                continue;
            }
            if (state != RecoveryState.HEALTHY && state != RecoveryState.PROBING) {
                waitForDeadline();
                continue;
            }
            if (length == buffer.length) buffer = Arrays.copyOf(buffer, buffer.length * 2);
            int n = line.read(buffer, length, buffer.length - length, readSlice());
            if (n <= 0) continue;
            length += n;
            ReplyCheck.Judgement j = check.judge(inFlight, buffer, length);
            switch (j.kind()) {
                case INCOMPLETE -> { }
                case COMPLETE -> {
                    machine.onGoodReply();
                    if (inFlight == request) return Arrays.copyOf(buffer, j.bytes());
                    inFlight = request;
                    length = 0;
                    send(request, replyBytes);
                }
                case GARBAGE -> {
                    machine.onGarbage(j.bytes());
                    length = drop(buffer, length, j.bytes());
                }
                case FRAMING_ERROR -> {
                    machine.onFramingError();
                    length = drop(buffer, length, j.bytes());
                }
                case AUTH_ANOMALY -> {
                    machine.onAuthAnomaly();
                    length = drop(buffer, length, j.bytes());
                }
            }
        }
    }

    private void send(byte[] data, int replyBytes) throws IOException {
        line.write(data);
        machine.onRequestSent(data.length, replyBytes);
    }

    private Duration readSlice() {
        OptionalLong next = machine.nextDeadlineNanos();
        if (next.isEmpty()) return MAX_READ_SLICE;
        long left = next.getAsLong() - ticker.nanoTime();
        return Duration.ofNanos(Math.max(1_000_000, Math.min(left, MAX_READ_SLICE.toNanos())));
    }

    private void waitForDeadline() throws InterruptedException {
        OptionalLong next = machine.nextDeadlineNanos();
        if (next.isPresent()) ticker.waitUntil(next.getAsLong());
    }

    private static int drop(byte[] buffer, int length, int count) {
        int keep = Math.max(0, length - count);
        System.arraycopy(buffer, length - keep, buffer, 0, keep);
        return keep;
    }
}
