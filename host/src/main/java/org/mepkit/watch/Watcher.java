package org.mepkit.watch;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.mepkit.mep.client.MeterSequenceException;
import org.mepkit.mep.client.MeterTimeoutException;
import org.mepkit.mep.frame.MepProtocolException;
import org.mepkit.mep.frame.MeterRefusedException;
import org.mepkit.optical.OpticalException;
import org.mepkit.optical.service.SecurityRefusedException;
import org.mepkit.reading.MeterReader;
import org.mepkit.reading.Reading;
import org.mepkit.serial.SerialException;
import org.mepkit.time.Backoff;
import org.mepkit.time.Ticker;
import org.mepkit.watch.guard.GuardVerdict;
import org.mepkit.watch.guard.SpikeGuard;

/**
 * {@code mep watch}'s loop: read the meter again and again, pass every reading through the {@link SpikeGuard}
 * and hand it to the sinks. It never gives up: a port that cannot be opened or goes away is reopened with
 * backoff (1 s doubling to 30 s) until the adapter is back; a meter that does not answer is asked again with
 * backoff (1 s to 30 s), and after three failures in a row the port is reopened too; a refused key backs off
 * from 30 s to 15 minutes, so a wrong key does not hammer the meter. Only the calling thread's interrupt (Ctrl-C)
 * or the stop condition ends it. All waiting is on the {@link Ticker}.
 */
public final class Watcher {

    /** An open port with a reader on it. */
    public interface Connection extends AutoCloseable {
        MeterReader reader();

        @Override
        void close();

        /** A reader and what closing it releases (the port, the power switch lines). */
        static Connection of(MeterReader reader, Runnable onClose) {
            return new Connection() {
                @Override
                public MeterReader reader() {
                    return reader;
                }

                @Override
                public void close() {
                    onClose.run();
                }
            };
        }
    }

    /** Opens the port and sets a reader up on it. */
    @FunctionalInterface
    public interface Connector {
        Connection open() throws IOException;
    }

    /** Hears what the watcher says. */
    @FunctionalInterface
    public interface Listener {
        void event(WatchEvent event);
    }

    static final int SILENT_BEFORE_REOPEN = 3;

    private final Connector connector;
    private final SpikeGuard guard;
    private final Ticker ticker;
    private final Clock wall;
    private final List<SampleSink> sinks;
    private final Listener listener;
    private final Duration interval;
    private final Backoff portBackoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2);
    private final Backoff meterBackoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 2);
    private final Backoff authBackoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(15), 2);

    private Connection connection;
    private long samples;
    private long accepted;
    private long held;
    private long confirming;
    private long portOpenings;
    private long portFailures;
    private long meterFailures;
    private long authRefusals;
    private boolean inTrouble;
    private boolean holding;
    private Sample lastAccepted;

    /**
     * @param interval time from the start of one reading to the start of the next; zero reads back to back
     */
    public Watcher(Connector connector, SpikeGuard guard, Ticker ticker, Clock wall, Duration interval,
                   List<SampleSink> sinks, Listener listener) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.wall = Objects.requireNonNull(wall, "wall");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.sinks = List.copyOf(sinks);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Watches until {@code stop} says so (checked before every reading) or the thread is interrupted, then closes
     * the port and returns what happened.
     */
    public WatchSummary run(BooleanSupplier stop) {
        long started = ticker.nanoTime();
        try {
            while (!stop.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
                if (!cycle()) break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeConnection();
        }
        return summary(Duration.ofNanos(ticker.nanoTime() - started));
    }

    public WatchSummary summary(Duration ran) {
        return new WatchSummary(ran, samples, accepted, held, confirming, portOpenings, portFailures, meterFailures,
                authRefusals, lastAccepted);
    }

    /** One reading (opening the port first if needed). Returns false when interrupted. */
    private boolean cycle() throws InterruptedException {
        if (connection == null) {
            try {
                connection = connector.open();
            } catch (IOException | RuntimeException e) {
                if (interrupted()) return false;
                portFailures++;
                trouble(WatchEvent.Kind.PORT_UNAVAILABLE, "cannot open the port: " + message(e), portBackoff);
                return true;
            }
            portOpenings++;
            portBackoff.reset();
            listener.event(new WatchEvent(WatchEvent.Kind.PORT_OPENED, "port open", null));
        }
        long start = ticker.nanoTime();
        Reading reading;
        try {
            reading = connection.reader().read();
        } catch (SerialException e) {
            if (interrupted()) return false;
            portFailures++;
            closeConnection();
            trouble(WatchEvent.Kind.PORT_LOST, "the port went away: " + message(e), portBackoff);
            return true;
        } catch (MeterRefusedException e) {
            if (interrupted()) return false;
            if (e.isAuthenticationFailure()) {
                refused();
            } else {
                silent("the meter refused the request: " + message(e));
            }
            return true;
        } catch (SecurityRefusedException e) {
            if (interrupted()) return false;
            refused();
            return true;
        } catch (MeterTimeoutException | MeterSequenceException | OpticalException | MepProtocolException e) {
            if (interrupted()) return false;
            silent("the meter did not answer as expected: " + message(e));
            return true;
        } catch (IOException e) {
            if (interrupted()) return false;
            silent("reading failed: " + message(e));
            return true;
        }
        if (inTrouble) {
            inTrouble = false;
            listener.event(new WatchEvent(WatchEvent.Kind.METER_BACK, "the meter answers again", null));
        }
        meterBackoff.reset();
        authBackoff.reset();
        long at = ticker.nanoTime();
        take(reading, at);
        if (!interval.isZero()) ticker.waitUntil(start + interval.toNanos());
        return true;
    }

    private void take(Reading reading, long at) {
        samples++;
        GuardVerdict verdict = guard.check(reading, at);
        Sample sample = new Sample(samples, reading, wall.instant(), at, verdict);
        switch (verdict.status()) {
            case ACCEPTED -> {
                accepted++;
                lastAccepted = sample;
                if (holding) {
                    holding = false;
                    listener.event(new WatchEvent(WatchEvent.Kind.RESUMED, "readings agree again: publishing", null));
                }
            }
            case HELD -> {
                held++;
                if (!holding) {
                    holding = true;
                    listener.event(new WatchEvent(WatchEvent.Kind.HELD, "sample " + samples + " held, not published: "
                            + verdict.reason(), null));
                }
            }
            case CONFIRMING -> confirming++;
        }
        for (SampleSink sink : sinks) {
            try {
                sink.accept(sample);
            } catch (IOException e) {
                listener.event(new WatchEvent(WatchEvent.Kind.NOTE, "cannot write sample " + samples + ": " + message(e), null));
            }
        }
    }

    private void refused() throws InterruptedException {
        authRefusals++;
        trouble(WatchEvent.Kind.AUTH_REFUSED, "the meter refused the key (wrong MBK key?); not asking again soon",
                authBackoff);
    }

    private void silent(String why) throws InterruptedException {
        meterFailures++;
        boolean reopen = (meterBackoff.failures() + 1) % SILENT_BEFORE_REOPEN == 0;
        if (reopen) closeConnection();
        trouble(WatchEvent.Kind.METER_SILENT, why + (reopen ? " (reopening the port)" : ""), meterBackoff);
    }

    private void trouble(WatchEvent.Kind kind, String message, Backoff backoff) throws InterruptedException {
        inTrouble = true;
        Duration wait = backoff.next();
        listener.event(new WatchEvent(kind, message, wait));
        ticker.waitFor(wait);
    }

    private boolean interrupted() {
        return Thread.currentThread().isInterrupted();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                // closing a port that is gone
            }
            connection = null;
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
