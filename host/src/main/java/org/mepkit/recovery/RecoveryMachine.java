package org.mepkit.recovery;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.mepkit.power.OutputLine;
import org.mepkit.power.PowerException;
import org.mepkit.serial.LineSettings;
import org.mepkit.time.Ticker;

/**
 * The MAX3232 recovery as a non-blocking state machine. It never sleeps: a driver reports what
 * happened on the line ({@link #onRequestSent}, {@link #onGoodReply}, {@link #onGarbage},
 * {@link #onFramingError}, {@link #onAuthAnomaly}) and calls {@link #poll()} whenever time may
 * have passed (at the latest at {@link #nextDeadlineNanos()}); timed steps then run on the
 * injected {@link Ticker}.
 *
 * <p>Cycle: ENABLE off, MAX3232 off, cool-off (with backoff), MAX3232 on, settle, ENABLE on,
 * enable-settle, probe. Invariant: ENABLE is never asserted while the MAX3232 is off.
 * Not thread-safe: one driver thread owns it.
 */
public final class RecoveryMachine {

    private static final long NONE = Long.MIN_VALUE;

    private final RecoveryPolicy policy;
    private final LineSettings line;
    private final OutputLine power;
    private final OutputLine enable;
    private final Ticker ticker;
    private final Consumer<RecoveryEvent> listener;

    private RecoveryState state = RecoveryState.OFF;
    private boolean powerOn;
    private boolean enableOn;
    private boolean startup;
    private long stepDeadline = NONE;
    private long replyDeadline = NONE;
    /** The reply timeout of the request awaited, and when that request went out (alerts restart the former). */
    private long replyTimeoutNanos;
    private long requestSentAt;
    private int cycle;
    private long episodeStart;
    private int garbage;
    private int framing;
    private int auth;
    /** An episode was already started by authentication anomalies since the last good reply. */
    private boolean authCycled;

    public RecoveryMachine(RecoveryPolicy policy, LineSettings line, OutputLine power, OutputLine enable,
                           Ticker ticker, Consumer<RecoveryEvent> listener) {
        this.policy = Objects.requireNonNull(policy);
        this.line = Objects.requireNonNull(line);
        this.power = Objects.requireNonNull(power);
        this.enable = Objects.requireNonNull(enable);
        this.ticker = Objects.requireNonNull(ticker);
        this.listener = Objects.requireNonNull(listener);
    }

    public RecoveryState state() {
        return state;
    }

    public RecoveryPolicy policy() {
        return policy;
    }

    /** Cycles done in the current episode. */
    public int cycle() {
        return cycle;
    }

    /** Powers up as the board does at boot: MAX3232 on, settle, ENABLE on, enable-settle, then {@link RecoveryState#HEALTHY}. */
    public void start() throws PowerException {
        if (state != RecoveryState.OFF) throw new IllegalStateException("already started: " + state);
        startup = true;
        setEnable(false);
        powerUp();
    }

    /** A request of {@code requestBytes} went out; its reply should be {@code replyBytes} long. */
    public void onRequestSent(int requestBytes, int replyBytes) {
        if (state == RecoveryState.PROBE_DUE) {
            state = RecoveryState.PROBING;
        } else if (state != RecoveryState.HEALTHY) {
            throw new IllegalStateException("no request may go out while " + state);
        }
        replyTimeoutNanos = policy.replyTimeout(line, requestBytes, replyBytes).toNanos();
        requestSentAt = ticker.nanoTime();
        replyDeadline = requestSentAt + replyTimeoutNanos;
    }

    /** However many alerts come, a reply is given up this long after its request at the latest: upstream's fixed wait. */
    static final long ALERT_EXTENSION_CAP_NANOS = 10_000_000_000L;

    /**
     * An alert (00 00) came while a reply is awaited: the meter is alive and talking, so the reply timeout starts
     * again, but never past {@link #ALERT_EXTENSION_CAP_NANOS} after the request (a chip babbling zeros still fails).
     */
    public void onAlert() {
        if (replyDeadline == NONE) return;
        replyDeadline = Math.min(ticker.nanoTime() + replyTimeoutNanos, requestSentAt + ALERT_EXTENSION_CAP_NANOS);
    }

    /**
     * A request went out whose reply the caller times itself (it reports {@link #onReplyTimeout()}):
     * for clients with their own timeouts, such as {@code MeterClient}. A retransmission while
     * probing is another probe.
     */
    public void onRequestSent() {
        switch (state) {
            case PROBE_DUE -> state = RecoveryState.PROBING;
            case HEALTHY, PROBING -> { }
            default -> throw new IllegalStateException("no request may go out while " + state);
        }
        replyDeadline = NONE;
    }

    /** The caller's reply timeout passed (see {@link #onRequestSent()}). Ignored outside HEALTHY and PROBING. */
    public void onReplyTimeout() throws PowerException {
        if (listening()) fail("reply timeout");
    }

    /** A complete, well-formed reply arrived (an error code other than 0x0B counts too: the link works). */
    public void onGoodReply() {
        if (state != RecoveryState.HEALTHY && state != RecoveryState.PROBING) return;
        replyDeadline = NONE;
        garbage = 0;
        framing = 0;
        auth = 0;
        authCycled = false;
        if (state == RecoveryState.PROBING) recovered();
    }

    private void recovered() {
        long took = ticker.nanoTime() - episodeStart;
        int cycles = cycle;
        cycle = 0;
        state = RecoveryState.HEALTHY;
        emit(RecoveryEvent.Kind.RECOVERED, String.format("after %d cycle(s) in %.3f s", cycles, took / 1e9), cycles);
    }

    /** {@code bytes} bytes arrived that no frame can be cut from. */
    public void onGarbage(int bytes) throws PowerException {
        if (!listening()) return;
        garbage = saturatedAdd(garbage, bytes);
        if (garbage >= policy.garbageBytes()) fail("garbage: " + garbage + " unframeable bytes");
    }

    /** A frame with an impossible length or a broken structure arrived. */
    public void onFramingError() throws PowerException {
        if (!listening()) return;
        framing++;
        if (framing >= policy.framingErrors()) fail("framing: " + framing + " bad frames in a row");
    }

    /**
     * A well-formed reply saying the digest was wrong (0x0B), or one that answers a different request.
     * The frame proves the link carries data, so during a probe it ends the episode. In normal traffic
     * {@code authAnomalies} in a row start an episode, but only once until a good reply or a fault of
     * another kind: a wrong key is not a chip fault and power cycles cannot fix it (the client reports it).
     */
    public void onAuthAnomaly() throws PowerException {
        if (state == RecoveryState.PROBING) {
            replyDeadline = NONE;
            recovered();
            return;
        }
        if (state != RecoveryState.HEALTHY) return;
        replyDeadline = NONE;
        auth++;
        if (auth >= policy.authAnomalies() && !authCycled) {
            authCycled = true;
            fail("authentication: " + auth + " anomalies in a row");
        }
    }

    /** Runs every step whose time has come. Call at least at {@link #nextDeadlineNanos()}. */
    public RecoveryState poll() throws PowerException {
        long now = ticker.nanoTime();
        if (replyDeadline != NONE && now >= replyDeadline) {
            replyDeadline = NONE;
            fail("reply timeout");
        }
        while (stepDeadline != NONE && ticker.nanoTime() >= stepDeadline) {
            stepDeadline = NONE;
            step();
        }
        return state;
    }

    /** The next time {@link #poll()} has work, if any. */
    public OptionalLong nextDeadlineNanos() {
        if (stepDeadline != NONE) return OptionalLong.of(stepDeadline);
        if (replyDeadline != NONE) return OptionalLong.of(replyDeadline);
        return OptionalLong.empty();
    }

    /** Leaves {@link RecoveryState#ESCALATED} and starts a fresh episode count (after a reboot or a new chip). */
    public void reset() throws PowerException {
        state = RecoveryState.OFF;
        setEnable(false);
        setPower(false);
        stepDeadline = NONE;
        replyDeadline = NONE;
        cycle = 0;
        garbage = 0;
        framing = 0;
        auth = 0;
        authCycled = false;
    }

    private boolean listening() {
        return state == RecoveryState.HEALTHY || state == RecoveryState.PROBING;
    }

    private void fail(String reason) throws PowerException {
        if (!reason.startsWith("authentication")) authCycled = false;
        replyDeadline = NONE;
        garbage = 0;
        framing = 0;
        auth = 0;
        RecoveryEvent.Kind kind;
        if (state == RecoveryState.HEALTHY) {
            episodeStart = ticker.nanoTime();
            cycle = 0;
            kind = RecoveryEvent.Kind.SUSPECT;
        } else if (state == RecoveryState.PROBING) {
            kind = RecoveryEvent.Kind.PROBE_FAILED;
        } else {
            return;
        }
        int failed = cycle;
        cycle++;
        state = RecoveryState.COOLING;
        emit(kind, reason, failed);
        setEnable(false);
        setPower(false);
        stepDeadline = ticker.nanoTime() + policy.coolOff(cycle).toNanos();
    }

    private void step() throws PowerException {
        switch (state) {
            case COOLING -> powerUp();
            case SETTLING -> {
                state = RecoveryState.ENABLE_SETTLING;
                setEnable(true);
                stepDeadline = ticker.nanoTime() + policy.enableSettle(cycle).toNanos();
            }
            case ENABLE_SETTLING -> {
                if (startup) {
                    startup = false;
                    state = RecoveryState.HEALTHY;
                    emit(RecoveryEvent.Kind.READY, "", 0);
                } else if (cycle >= policy.maxCycles()) {
                    state = RecoveryState.ESCALATED;
                    emit(RecoveryEvent.Kind.ESCALATED, "chip not recovering after " + cycle + " cycles: "
                            + (policy.escalation() == RecoveryPolicy.Escalation.REBOOT ? "reboot" : "report"), cycle);
                } else {
                    state = RecoveryState.PROBE_DUE;
                    emit(RecoveryEvent.Kind.PROBE_DUE, policy.probe().name(), cycle);
                }
            }
            default -> throw new IllegalStateException("no timed step in " + state);
        }
    }

    private void powerUp() throws PowerException {
        state = RecoveryState.SETTLING;
        setPower(true);
        stepDeadline = ticker.nanoTime() + policy.settle().toNanos();
    }

    private void setPower(boolean on) throws PowerException {
        if (!on && enableOn) throw new IllegalStateException("ENABLE must go off before the MAX3232");
        power.set(on);
        powerOn = on;
        emit(on ? RecoveryEvent.Kind.POWER_ON : RecoveryEvent.Kind.POWER_OFF, "", cycle);
    }

    private void setEnable(boolean on) throws PowerException {
        if (on && !powerOn) throw new IllegalStateException("ENABLE asserted while the MAX3232 is off");
        enable.set(on);
        enableOn = on;
        emit(on ? RecoveryEvent.Kind.ENABLE_ON : RecoveryEvent.Kind.ENABLE_OFF, "", cycle);
    }

    private void emit(RecoveryEvent.Kind kind, String detail, int cycleNo) {
        listener.accept(new RecoveryEvent(ticker.nanoTime(), kind, state, cycleNo, detail));
    }

    private static int saturatedAdd(int a, int b) {
        long sum = (long) a + b;
        return sum > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) sum;
    }
}
