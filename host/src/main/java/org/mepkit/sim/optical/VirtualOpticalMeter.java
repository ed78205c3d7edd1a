package org.mepkit.sim.optical;

import java.time.Duration;
import java.util.Objects;

import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.memory.PacedLine;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.Ticker;

/**
 * The optical port of a virtual Echelon/NES meter on a {@link SerialLine}: an {@link OpticalMeterMachine}
 * served on its own thread from {@link #start()} until {@link #close()}. {@link VirtualMeter.Pacing#PACED}
 * sends at the line's baud (what an IR probe at 9600 does); {@link VirtualMeter.Pacing#UNPACED} at once.
 */
public final class VirtualOpticalMeter implements AutoCloseable {

    /** The longest read between looks at the machine's timers and the running flag. */
    private static final Duration MAX_WAIT = Duration.ofMillis(100);

    private final SerialLine in;
    private final SerialLine out;
    private final Ticker ticker;
    private final OpticalMeterMachine machine;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Throwable failure;

    public VirtualOpticalMeter(SerialLine line, OpticalMeterMachine machine, Ticker ticker, VirtualMeter.Pacing pacing) {
        this.in = Objects.requireNonNull(line, "line");
        this.machine = Objects.requireNonNull(machine, "machine");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.out = pacing == VirtualMeter.Pacing.PACED ? new PacedLine(line, ticker) : line;
    }

    /** The optical port of {@code profile}'s meter as the reference NES meter lays it out, with the default session limits. */
    public static VirtualOpticalMeter of(SerialLine line, org.mepkit.sim.meter.MeterProfile profile, org.mepkit.optical.OpticalKey key,
                                         Ticker ticker, VirtualMeter.Pacing pacing) {
        OpticalMeterMachine machine = new OpticalMeterMachine(new OpticalTables(new org.mepkit.sim.meter.MeterTables(profile, ticker),
                profile, OpticalLayout.OPTICAL), key, OpticalMeterMachine.Config.DEFAULT);
        return new VirtualOpticalMeter(line, machine, ticker, pacing);
    }

    public OpticalMeterMachine machine() {
        return machine;
    }

    public void inject(OpticalFault fault) {
        machine.inject(fault);
    }

    public synchronized VirtualOpticalMeter start() {
        if (thread != null) throw new IllegalStateException("already started");
        running = true;
        Thread t = new Thread(this::serve, "virtual-optical-meter " + in.name());
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    /** Why the serving thread stopped on its own, if it did. */
    public Throwable failure() {
        return failure;
    }

    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** Stops serving and waits (bounded) for the thread; does not close the line. */
    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t == null) return;
        t.interrupt();
        try {
            t.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        byte[] buf = new byte[1024];
        try {
            while (running) {
                long now = ticker.nanoTime();
                machine.poll(now);
                byte[] due = machine.takeDue(now);
                if (due.length > 0) {
                    out.write(due);
                    continue;
                }
                long next = machine.nextDeadline();
                long wait = next == Long.MAX_VALUE ? MAX_WAIT.toNanos() : Math.max(0, Math.min(MAX_WAIT.toNanos(), next - now));
                int n = in.read(buf, 0, buf.length, Duration.ofNanos(wait));
                if (n > 0) machine.receive(buf, 0, n, ticker.nanoTime());
            }
        } catch (PortDisconnectedException e) {
            if (running) failure = e;
        } catch (SerialException e) {
            if (running && !Thread.currentThread().isInterrupted()) failure = e;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            running = false;
        }
    }
}
