package org.mepkit.diag;

/**
 * One power-up trial: power off, cool-off, power on, settle, one exchange.
 *
 * @param index        1-based
 * @param outcome      what came back
 * @param bytesSent    pattern length
 * @param bytesReceived bytes that came back
 * @param byteErrors   wrong, missing or extra bytes
 * @param bitErrors    flipped bits in received bytes plus 8 per missing or extra byte; -1 when unknown (meter probe)
 * @param startNanos   power-on, relative to the start of the diagnosis
 * @param goodAfterNanos power-on → end of the good exchange; -1 when the trial was not good
 */
public record Trial(int index, TrialOutcome outcome, int bytesSent, int bytesReceived, int byteErrors, int bitErrors,
                    long startNanos, long goodAfterNanos) {

    /** Compares what came back with what was sent. */
    public static Trial compare(int index, byte[] sent, byte[] received, long startNanos, long exchangeEndNanos) {
        int common = Math.min(sent.length, received.length);
        int byteErrors = Math.abs(sent.length - received.length);
        int bitErrors = 8 * byteErrors;
        for (int i = 0; i < common; i++) {
            int diff = Integer.bitCount((sent[i] ^ received[i]) & 0xFF);
            if (diff != 0) byteErrors++;
            bitErrors += diff;
        }
        TrialOutcome outcome;
        if (received.length == 0) outcome = TrialOutcome.SILENT;
        else if (byteErrors == 0) outcome = TrialOutcome.GOOD;
        else if (received.length == sent.length && bitErrors <= sent.length * 2) outcome = TrialOutcome.BIT_ERRORS;
        else outcome = TrialOutcome.GARBAGE;
        long goodAfter = outcome == TrialOutcome.GOOD ? exchangeEndNanos - startNanos : -1;
        return new Trial(index, outcome, sent.length, received.length, byteErrors, bitErrors, startNanos, goodAfter);
    }
}
