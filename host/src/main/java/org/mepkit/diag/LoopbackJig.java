package org.mepkit.diag;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

import org.mepkit.power.OutputLine;
import org.mepkit.power.PowerException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.Deadline;
import org.mepkit.time.Ticker;

/**
 * A real jig: the MAX3232's VCC on an {@link OutputLine} (DTR, RTS or a GPIO), a loopback jumper
 * T1OUT→R1IN on its RS-232 side, its TTL side on {@code line}. Waits go through the {@link Ticker}.
 */
public final class LoopbackJig implements Jig {

    private final SerialLine line;
    private final OutputLine power;
    private final Ticker ticker;
    private final TrialTiming timing;
    private final long origin;

    public LoopbackJig(SerialLine line, OutputLine power, Ticker ticker, TrialTiming timing) {
        this.line = line;
        this.power = power;
        this.ticker = ticker;
        this.timing = timing;
        this.origin = ticker.nanoTime();
    }

    @Override
    public String describe() {
        return line.name() + ", power " + power.name() + ", loopback";
    }

    @Override
    public Trial runTrial(int index) throws PowerException, SerialException, InterruptedException {
        power.set(false);
        ticker.waitFor(timing.coolOff());
        power.set(true);
        long start = ticker.nanoTime();
        ticker.waitFor(timing.settle());
        line.discardInput();
        byte[] sent = timing.pattern();
        line.write(sent);
        Deadline deadline = ticker.deadlineAfter(line.settings().wireTime(2 * sent.length).plus(timing.replyGrace()));
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        byte[] buf = new byte[256];
        while (back.size() < 4 * sent.length && !deadline.expired()) {
            int n = line.read(buf, 0, buf.length, min(deadline.remaining(), Duration.ofMillis(100)));
            if (n > 0) back.write(buf, 0, n);
            if (back.size() >= sent.length && n == 0) break;
        }
        long end = ticker.nanoTime();
        return Trial.compare(index, sent, back.toByteArray(), start - origin, end - origin);
    }

    @Override
    public long elapsedNanos() {
        return ticker.nanoTime() - origin;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
