package org.mepkit.sim.max3232;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/**
 * Puts a {@link Max3232Model} on a real line: bytes from the TTL side ({@code ttl}, e.g. a pty end
 * the host or a virtual board talks to) go through the chip to the RS-232 side and back. The RS-232
 * side is either a loopback jumper ({@link #loopback}) or a line to a meter ({@link #toMeter}).
 * Runs one daemon thread per direction until {@link #close()}.
 */
public final class Max3232Bridge implements AutoCloseable {

    private final Max3232Model chip;
    private final SerialLine ttl;
    private final SerialLine rs232;
    private final List<Thread> pumps = new ArrayList<>();
    private volatile boolean running = true;
    private volatile SerialException failure;

    private Max3232Bridge(Max3232Model chip, SerialLine ttl, SerialLine rs232) {
        this.chip = chip;
        this.ttl = ttl;
        this.rs232 = rs232;
    }

    /** A loopback jumper T1OUT→R1IN: what goes in comes back through the chip twice. */
    public static Max3232Bridge loopback(Max3232Model chip, SerialLine ttl) {
        Max3232Bridge bridge = new Max3232Bridge(chip, ttl, null);
        bridge.pump("loopback", ttl, ttl, true);
        return bridge;
    }

    /** A meter (real or virtual) on {@code meter}, behind the chip. */
    public static Max3232Bridge toMeter(Max3232Model chip, SerialLine ttl, SerialLine meter) {
        Max3232Bridge bridge = new Max3232Bridge(chip, ttl, meter);
        bridge.pump("to-meter", ttl, meter, false);
        bridge.pump("from-meter", meter, ttl, false);
        return bridge;
    }

    /** The first I/O fault a pump hit, or null. */
    public SerialException failure() {
        return failure;
    }

    private void pump(String name, SerialLine from, SerialLine to, boolean twice) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[512];
            try {
                while (running) {
                    int n = from.read(buf, 0, buf.length, Duration.ofMillis(100));
                    if (n <= 0) continue;
                    byte[] chunk = Arrays.copyOf(buf, n);
                    byte[] out = chip.pass(chunk);
                    if (twice) out = chip.pass(out);
                    if (out.length > 0) to.write(out);
                }
            } catch (SerialException e) {
                if (running) failure = e;
            }
        }, "max3232-" + name);
        t.setDaemon(true);
        pumps.add(t);
        t.start();
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : pumps) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
