package org.mepkit.watch.guard;

import java.time.Duration;
import java.util.Objects;

import org.mepkit.reading.Reading;

/**
 * Keeps glitched readings away from Home Assistant's energy statistics (a single zero or garbage
 * register read once booked 117 000 kWh). A sample is published only when, against the last published
 * one:
 * <ul>
 *   <li>neither energy register went backwards;</li>
 *   <li>neither grew faster than the {@link MeterRating} allows over the time since that sample was
 *       read (plus 1 Wh for the register's whole-Wh steps), so a meter that updates its registers in
 *       steps is accepted once enough time has passed for the step;</li>
 *   <li>its total power matches its phases where the meter gives both:
 *       |(Fwd_W - Rev_W) - sum(Lx_Fwd_W - Lx_Rev_W)| &lt;= 3 W + 0.5 % (the rule of the board's Home
 *       Assistant integration, with room for large loads), and no power exceeds the rating.</li>
 * </ul>
 * A sample that fails is held (not published) and the reason returned; publishing resumes with the first
 * sample that agrees again. Before anything is published, two consecutive samples must agree, so a
 * glitch in the very first reading cannot become the baseline.
 *
 * <p>The registers are 32 bits wide (BT23 summations, NI_FMAT1 int32): they are read as unsigned and
 * a wrap from near 2^32 to near 0 that the rating allows is a rollover, published as the continued
 * count (2^32 + new value), so the published total never goes down. Time comes from the caller (a
 * {@link org.mepkit.time.Ticker}'s nanoseconds).
 */
public final class SpikeGuard {

    /** The registers' width: 32 bits. */
    public static final long REGISTER_MODULUS = 1L << 32;
    /** Registers count whole Wh: a reading may be up to this far ahead of the rating's exact bound. */
    static final double STEP_WH = 1.0;
    static final int BALANCE_W = 3;
    static final double BALANCE_SHARE = 0.005;

    private final MeterRating rating;
    private Published last;
    private Published candidate;

    /** A sample taken as the reference: raw registers, rollovers so far, when it was read. */
    private record Published(long forwardRaw, long reverseRaw, long forwardWraps, long reverseWraps, long atNanos) {
        long forwardWh() {
            return forwardWraps * REGISTER_MODULUS + forwardRaw;
        }

        long reverseWh() {
            return reverseWraps * REGISTER_MODULUS + reverseRaw;
        }
    }

    public SpikeGuard(MeterRating rating) {
        this.rating = Objects.requireNonNull(rating, "rating");
    }

    public MeterRating rating() {
        return rating;
    }

    /** Judges a sample read at {@code atNanos}; accepted samples become the new reference. */
    public GuardVerdict check(Reading reading, long atNanos) {
        String power = powerProblem(reading);
        long fwd = reading.forwardActiveWh() & (REGISTER_MODULUS - 1);
        long rev = reading.reverseActiveWh() & (REGISTER_MODULUS - 1);
        if (last == null) {
            if (power != null) return GuardVerdict.confirming(power);
            Published fresh = new Published(fwd, rev, 0, 0, atNanos);
            if (candidate == null) {
                candidate = fresh;
                return GuardVerdict.confirming("first sample: waiting for a second one that agrees");
            }
            Step step = step(candidate, fwd, rev, atNanos);
            if (step.problem != null) {
                candidate = fresh;
                return GuardVerdict.confirming("the first samples disagree (" + step.problem + "): waiting for two that agree");
            }
            last = step.next;
            candidate = null;
            return GuardVerdict.accepted(last.forwardWh(), last.reverseWh());
        }
        if (power != null) return GuardVerdict.held(power);
        Step step = step(last, fwd, rev, atNanos);
        if (step.problem != null) return GuardVerdict.held(step.problem);
        last = step.next;
        return GuardVerdict.accepted(last.forwardWh(), last.reverseWh());
    }

    private record Step(Published next, String problem) { }

    private Step step(Published from, long fwd, long rev, long atNanos) {
        Duration elapsed = Duration.ofNanos(Math.max(0, atNanos - from.atNanos()));
        double limit = rating.maxEnergyWh(elapsed) + STEP_WH;
        String f = registerProblem("Fwd_Act_Wh", from.forwardRaw(), fwd, limit, elapsed);
        if (f != null) return new Step(null, f);
        String r = registerProblem("Rev_Act_Wh", from.reverseRaw(), rev, limit, elapsed);
        if (r != null) return new Step(null, r);
        long fwdWraps = from.forwardWraps() + (fwd < from.forwardRaw() ? 1 : 0);
        long revWraps = from.reverseWraps() + (rev < from.reverseRaw() ? 1 : 0);
        return new Step(new Published(fwd, rev, fwdWraps, revWraps, atNanos), null);
    }

    private static String registerProblem(String name, long before, long now, double limit, Duration elapsed) {
        long growth = (now - before) & (REGISTER_MODULUS - 1);
        if (growth <= limit) return null;
        if (now < before) return name + " went back from " + before + " to " + now + " Wh";
        return name + " grew " + growth + " Wh in " + seconds(elapsed) + " s, more than the meter's rating allows ("
                + Math.round(limit) + " Wh)";
    }

    private String powerProblem(Reading r) {
        double max = rating.maxPowerW();
        if (r.forwardW() != null && (r.forwardW() < 0 || r.forwardW() > max)) return "Fwd_W " + r.forwardW() + " W is outside 0.." + Math.round(max);
        if (r.reverseW() != null && (r.reverseW() < 0 || r.reverseW() > max)) return "Rev_W " + r.reverseW() + " W is outside 0.." + Math.round(max);
        if (r.forwardW() == null || r.reverseW() == null) return null;
        long sum = 0;
        long magnitude = 0;
        for (Reading.Phase p : r.phases()) {
            if (p.forwardW() == null || p.reverseW() == null) return null;
            sum += (long) p.forwardW() - p.reverseW();
            magnitude += Math.abs((long) p.forwardW()) + Math.abs((long) p.reverseW());
        }
        long total = (long) r.forwardW() - r.reverseW();
        if (Math.abs(total - sum) <= BALANCE_W + BALANCE_SHARE * magnitude) return null;
        return "power total " + total + " W (Fwd_W - Rev_W) does not match the phases' " + sum + " W";
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f", d.toNanos() / 1e9);
    }
}
