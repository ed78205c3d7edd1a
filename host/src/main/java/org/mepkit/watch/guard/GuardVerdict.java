package org.mepkit.watch.guard;

/**
 * What the {@link SpikeGuard} made of one sample.
 *
 * @param forwardWh the forward energy to publish (the register continued across a rollover), Wh; valid when accepted
 * @param reverseWh the reverse energy to publish, Wh; valid when accepted
 * @param reason    why the sample is not published; empty when accepted
 */
public record GuardVerdict(Status status, long forwardWh, long reverseWh, String reason) {

    public enum Status {
        /** Agrees with the last published sample: publish it. */
        ACCEPTED,
        /** Fails a check: keep what was published, log this one. */
        HELD,
        /** No sample published yet: waiting for a second one that agrees with this one. */
        CONFIRMING
    }

    static GuardVerdict accepted(long forwardWh, long reverseWh) {
        return new GuardVerdict(Status.ACCEPTED, forwardWh, reverseWh, "");
    }

    static GuardVerdict held(String reason) {
        return new GuardVerdict(Status.HELD, 0, 0, reason);
    }

    static GuardVerdict confirming(String reason) {
        return new GuardVerdict(Status.CONFIRMING, 0, 0, reason);
    }

    public boolean accepted() {
        return status == Status.ACCEPTED;
    }
}
