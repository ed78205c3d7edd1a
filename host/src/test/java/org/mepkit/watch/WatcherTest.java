package org.mepkit.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mepkit.mep.client.MeterTimeoutException;
import org.mepkit.mep.frame.MeterRefusedException;
import org.mepkit.mep.frame.ResponseCode;
import org.mepkit.reading.Reading;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.PortNotFoundException;
import org.mepkit.time.ManualTicker;
import org.mepkit.watch.guard.MeterRating;
import org.mepkit.watch.guard.SpikeGuard;

class WatcherTest {

    private final ManualTicker clock = ManualTicker.autoAdvancing();
    private final List<WatchEvent> events = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private long lastEventAt;
    private int opens;

    /** What the fake port does on each open and each read, in order; an empty script reads good samples. */
    private final Deque<Object> opening = new ArrayDeque<>();
    private final Deque<Object> reading = new ArrayDeque<>();
    private long wh = 1_000_000;

    private Reading next() throws IOException {
        Object step = reading.poll();
        if (step instanceof IOException e) throw e;
        if (step instanceof RuntimeException e) throw e;
        wh += 1;
        return TestReadings.reading(wh);
    }

    private Watcher watcher(Duration interval) {
        Watcher.Connector connector = () -> {
            opens++;
            Object step = opening.poll();
            if (step instanceof IOException e) throw e;
            return Watcher.Connection.of(WatcherTest.this::next, () -> { });
        };
        Clock wall = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        return new Watcher(connector, new SpikeGuard(MeterRating.DEFAULT), clock, wall, interval, List.of(samples::add), e -> {
            events.add(e);
            if (e.retryIn() != null) waits.add(e.retryIn());
            lastEventAt = clock.nanoTime();
        });
    }

    private WatchSummary runUntil(Watcher w, int samplesWanted) {
        return w.run(() -> samples.size() >= samplesWanted);
    }

    @Test
    @DisplayName("a port that is not there yet is tried again with backoff (1, 2, 4 ... 30 s) until it appears")
    void reopensWithBackoff() {
        for (int i = 0; i < 7; i++) opening.add(new PortNotFoundException("/dev/ttyUSB0: no such port"));
        WatchSummary s = runUntil(watcher(Duration.ZERO), 3);
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L), waits.stream().map(Duration::toSeconds).toList());
        assertEquals(8, opens);
        assertEquals(7, s.portFailures());
        assertEquals(3, s.samples());
        assertEquals(WatchEvent.Kind.PORT_OPENED, events.get(7).kind());
    }

    @Test
    @DisplayName("an adapter unplugged while reading: the port is closed and reopened, the backoff starts again at 1 s")
    void portLost() {
        reading.add("ok");
        reading.add(new PortDisconnectedException("/dev/ttyUSB0: the device went away"));
        opening.add("ok");
        opening.add(new PortNotFoundException("gone"));
        opening.add(new PortNotFoundException("gone"));
        WatchSummary s = runUntil(watcher(Duration.ZERO), 3);
        assertEquals(List.of(WatchEvent.Kind.PORT_OPENED, WatchEvent.Kind.PORT_LOST, WatchEvent.Kind.PORT_UNAVAILABLE,
                WatchEvent.Kind.PORT_UNAVAILABLE, WatchEvent.Kind.PORT_OPENED, WatchEvent.Kind.METER_BACK),
                events.stream().map(WatchEvent::kind).toList());
        assertEquals(List.of(1L, 2L, 4L), waits.stream().map(Duration::toSeconds).toList());
        assertEquals(4, opens);
        assertEquals(2, s.portOpenings());
    }

    @Test
    @DisplayName("a refused key backs off from 30 s to 15 minutes and says so; it does not hammer the meter")
    void refusedKey() {
        for (int i = 0; i < 7; i++) reading.add(MeterRefusedException.of(ResponseCode.AUTHENTICATION_FAILURE));
        WatchSummary s = runUntil(watcher(Duration.ZERO), 1);
        assertEquals(List.of(30L, 60L, 120L, 240L, 480L, 900L, 900L), waits.stream().map(Duration::toSeconds).toList());
        assertEquals(7, s.authRefusals());
        assertTrue(events.get(1).text().contains("refused the key"), events.get(1).text());
        assertEquals(1, opens, "a refusal is no reason to reopen the port");
        assertTrue(clock.elapsed().toMinutes() >= 44, "seven refusals spread over " + clock.elapsed());
    }

    @Test
    @DisplayName("a silent meter is asked again with backoff, and every third failure in a row reopens the port")
    void silentMeter() {
        for (int i = 0; i < 4; i++) reading.add(new MeterTimeoutException("BT23", 3, Duration.ofMillis(1500), false));
        WatchSummary s = runUntil(watcher(Duration.ZERO), 2);
        assertEquals(List.of(1L, 2L, 4L, 8L), waits.stream().map(Duration::toSeconds).toList());
        assertEquals(2, opens);
        assertTrue(events.get(3).text().contains("reopening the port"), events.get(3).text());
        assertEquals(4, s.meterFailures());
    }

    @Test
    @DisplayName("--interval paces the readings from start to start; without it they run back to back")
    void interval() {
        runUntil(watcher(Duration.ofSeconds(2)), 4);
        assertEquals(Duration.ofSeconds(2).toNanos(), samples.get(3).atNanos() - samples.get(2).atNanos());
        samples.clear();
        long before = clock.nanoTime();
        runUntil(watcher(Duration.ZERO), 4);
        assertEquals(before, samples.get(3).atNanos());
    }

    @Test
    @DisplayName("held samples go to the sinks too (the log keeps them); one event for a run of them")
    void heldSamples() {
        // two good samples, then the register reads 0 twice, then good again
        List<Reading> script = new ArrayList<>(List.of(TestReadings.reading(1_000_000), TestReadings.reading(1_000_001), TestReadings.reading(0), TestReadings.reading(0), TestReadings.reading(1_000_002)));
        Watcher scripted = new Watcher(() -> Watcher.Connection.of(() -> script.remove(0), () -> { }), new SpikeGuard(MeterRating.DEFAULT), clock, Clock.systemUTC(), Duration.ZERO, List.of(samples::add), events::add);
        WatchSummary s = scripted.run(() -> script.isEmpty());
        assertEquals(List.of("confirming", "accepted", "held", "held", "accepted"), samples.stream().map(Sample::status).toList());
        assertEquals(2, s.held());
        assertEquals(1, events.stream().filter(e -> e.kind() == WatchEvent.Kind.HELD).count());
        assertEquals(1, events.stream().filter(e -> e.kind() == WatchEvent.Kind.RESUMED).count());
        assertEquals(1_000_002, s.lastAccepted().verdict().forwardWh());
    }

    @Test
    @DisplayName("an interrupt (Ctrl-C) ends the run during a backoff wait, and the summary says what happened")
    void interrupted() {
        ManualTicker blocking = new ManualTicker();
        Watcher w = new Watcher(() -> { throw new PortNotFoundException("gone"); }, new SpikeGuard(MeterRating.DEFAULT),
                blocking, Clock.systemUTC(), Duration.ZERO, List.of(), events::add);
        Thread.currentThread().interrupt();
        WatchSummary s = w.run(() -> false);
        assertTrue(Thread.interrupted());
        assertEquals(0, s.portFailures());
    }
}
