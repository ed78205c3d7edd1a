package org.mepkit.recovery;

import java.time.Duration;

import org.mepkit.mep.client.LinkListener;
import org.mepkit.power.PowerException;
import org.mepkit.time.Ticker;

/**
 * Plugs the {@link RecoveryMachine} into a {@code MeterClient} through its {@link LinkListener} seam
 * (use it when a power switch is available). The client keeps its own reply timeouts and
 * retransmissions; this listener reports what it sees to the machine and, when the machine starts
 * a power cycle, carries it out on the client's thread before returning, so the client's next
 * retransmission is the probe ({@link RecoveryPolicy.Probe#RESEND_REQUEST} semantics, as upstream).
 * That blocking (cool-off + settle, about 0.3 s by default) is deliberate and the one exception to
 * the listener's "return quickly" rule: the client is stop-and-wait, so nothing else is held up.
 *
 * <p>Power-line faults and escalation cannot be thrown through the listener; they are kept in
 * {@link #powerFailure()} and {@link #escalated()}, and cycling stops. Give the client more
 * attempts (e.g. {@code timings.withMaxAttempts(policy.maxCycles() + 1)}) so the cycles can run.
 *
 * <p>A refused digest (0x0B) may be bit errors in the request: the client resends it while the
 * refusals in a row stay below the policy's {@code authAnomalies}, and once more as the probe of the
 * power cycle the threshold starts. When the meter still refuses, the refusal is final and
 * {@link #refusalsInARow()} and {@link #cyclesDuringRefusals()} say how hard we tried.
 */
public final class MeterLinkRecovery implements LinkListener {

    private final RecoveryMachine machine;
    private final Ticker ticker;
    private volatile PowerException powerFailure;
    private int refusals;
    private int refusalCycles;
    private boolean probeAfterRefusal;

    public MeterLinkRecovery(RecoveryMachine machine, Ticker ticker) {
        this.machine = machine;
        this.ticker = ticker;
    }

    /** Powers the chip up as at boot and waits until it is ready (call before the first request). */
    public void start() throws PowerException, InterruptedException {
        if (machine.state() == RecoveryState.OFF) machine.start();
        drive();
    }

    public RecoveryMachine machine() {
        return machine;
    }

    /** The power or ENABLE line failed; no more cycles are run. */
    public PowerException powerFailure() {
        return powerFailure;
    }

    /** The machine gave up ("chip not recovering"). */
    public boolean escalated() {
        return machine.state() == RecoveryState.ESCALATED;
    }

    @Override
    public void requestSent(String what, long sequence, int attempt) {
        if (usable()) machine.onRequestSent();
    }

    /** 0x0B replies in a row, since the last reply of another kind. */
    public int refusalsInARow() {
        return refusals;
    }

    /** Power cycles started by those refusals. */
    public int cyclesDuringRefusals() {
        return refusalCycles;
    }

    @Override
    public void replyReceived(String what, Duration roundTrip) {
        refusals = 0;
        refusalCycles = 0;
        probeAfterRefusal = false;
        if (usable()) machine.onGoodReply();
    }

    @Override
    public void replyTimedOut(String what, int attempt, Duration timeout) {
        act(() -> machine.onReplyTimeout());
    }

    @Override
    public void garbage(byte[] dropped, String reason) {
        act(() -> machine.onGarbage(dropped.length));
    }

    @Override
    public void authenticationFailed(String what) {
        refusals++;
        boolean wasHealthy = machine.state() == RecoveryState.HEALTHY;
        act(machine::onAuthAnomaly);
        probeAfterRefusal = wasHealthy && machine.state() == RecoveryState.PROBE_DUE;
        if (probeAfterRefusal) refusalCycles++;
    }

    /**
     * Yes while the refusals stay below the policy's threshold (never with a policy that does not
     * count them), and once more right after they started a power cycle: that resend is the probe.
     */
    @Override
    public boolean resendAfterRefusal(String what, int refusalsOfRequest) {
        if (!usable()) return false;
        if (probeAfterRefusal) {
            probeAfterRefusal = false;
            return true;
        }
        int threshold = machine.policy().authAnomalies();
        return threshold != Integer.MAX_VALUE && refusals < threshold;
    }

    private boolean usable() {
        RecoveryState s = machine.state();
        return powerFailure == null && s != RecoveryState.ESCALATED && s != RecoveryState.OFF;
    }

    private interface Step {
        void run() throws PowerException;
    }

    private void act(Step step) {
        if (!usable()) return;
        try {
            step.run();
            drive();
        } catch (PowerException e) {
            powerFailure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs timed steps until the machine waits for traffic (healthy, probe due) or gave up. */
    private void drive() throws PowerException, InterruptedException {
        while (true) {
            RecoveryState s = machine.poll();
            if (s == RecoveryState.HEALTHY || s == RecoveryState.PROBING || s == RecoveryState.PROBE_DUE
                    || s == RecoveryState.ESCALATED) {
                return;
            }
            ticker.waitUntil(machine.nextDeadlineNanos().orElseThrow());
        }
    }
}
