package org.mepkit.recovery;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import org.mepkit.serial.LineSettings;
import org.mepkit.sim.max3232.Max3232Model;

/**
 * One MEP request/reply pushed through a simulated MAX3232 in virtual time, with a meter that
 * checks the request (a corrupted request gets {@code 0x0B}, a broken length field gets no answer).
 * MEP replies carry no checksum, so bit errors in reply data pass unnoticed: {@link Kind#CORRUPT}.
 */
final class SimulatedExchange {

    enum Kind { GOOD, CORRUPT, TIMEOUT, GARBAGE, FRAMING, AUTH }

    /** What the host sees and when (relative to sending), plus the unframeable byte count for GARBAGE. */
    record Outcome(Kind kind, Duration after, int bytes) {
    }

    private static final byte[] AUTH_ERROR = {0x00, 0x01, 0x0B};

    private final Max3232Model chip;
    private final LineSettings line;
    private final Duration turnaround;
    private final Random content;

    SimulatedExchange(Max3232Model chip, LineSettings line, Duration turnaround, long seed) {
        this.chip = chip;
        this.line = line;
        this.turnaround = turnaround;
        this.content = new Random(seed);
    }

    Outcome exchange(int requestBytes, int replyBytes) {
        byte[] request = frame(requestBytes, (byte) 0x30);
        byte[] atMeter = chip.pass(request);
        Duration out = line.wireTime(requestBytes).plus(turnaround);
        if (atMeter.length == 0) return new Outcome(Kind.TIMEOUT, Duration.ZERO, 0);
        byte[] reply;
        if (Arrays.equals(atMeter, request)) {
            reply = frame(replyBytes, (byte) 0x00);
        } else if (atMeter.length >= 2 && atMeter[0] == request[0] && atMeter[1] == request[1]
                && atMeter.length >= request.length) {
            reply = AUTH_ERROR.clone();
        } else {
            return new Outcome(Kind.TIMEOUT, Duration.ZERO, 0);
        }
        byte[] atHost = chip.pass(reply);
        Duration after = out.plus(line.wireTime(atHost.length));
        if (atHost.length == 0) return new Outcome(Kind.TIMEOUT, Duration.ZERO, 0);
        if (atHost.length != reply.length || atHost[0] != reply[0] || atHost[1] != reply[1]) {
            return new Outcome(Kind.GARBAGE, after, atHost.length);
        }
        if (atHost[2] != reply[2]) return new Outcome(Kind.FRAMING, after, 0);
        if (reply == AUTH_ERROR || Arrays.equals(reply, AUTH_ERROR)) return new Outcome(Kind.AUTH, after, 0);
        return new Outcome(Arrays.equals(atHost, reply) ? Kind.GOOD : Kind.CORRUPT, after, 0);
    }

    private byte[] frame(int size, byte code) {
        byte[] frame = new byte[size];
        content.nextBytes(frame);
        frame[0] = (byte) ((size - 2) >> 8);
        frame[1] = (byte) (size - 2);
        frame[2] = code;
        return frame;
    }
}
