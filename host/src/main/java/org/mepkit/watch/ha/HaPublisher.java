package org.mepkit.watch.ha;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.mepkit.mqtt.MqttLink;
import org.mepkit.mqtt.MqttLinkException;
import org.mepkit.mqtt.Publication;
import org.mepkit.reading.Reading;
import org.mepkit.time.Backoff;
import org.mepkit.time.Ticker;
import org.mepkit.watch.Sample;

/**
 * Publishes a watched meter to Home Assistant over MQTT, on a thread of its own so a slow or absent broker
 * never holds up the meter polling. On every (re)connect: the reader's status {@code online} (retained; the
 * last will says {@code offline}), every discovery config (retained: a broker restarted without persistence
 * has forgotten them) and the newest sample. Again the configs and the newest sample whenever Home Assistant
 * announces itself with {@code online} on {@code homeassistant/status}. Each accepted sample goes out as JSON
 * on the meter's state topic.
 *
 * <p>While the broker is away the newest sample waits in a buffer of one and replaces the one before it (a
 * power value is worth nothing once a newer one exists, and the energy registers only count up, so the newest
 * holds all the energy of the older ones); it is published as soon as the broker is back. Reconnecting backs
 * off from 1 s to 60 s on the {@link Ticker}. {@link #step()} is one round of that logic, so tests drive it on
 * a {@link org.mepkit.time.ManualTicker}; {@link #start()} runs it on a thread.
 */
public final class HaPublisher implements AutoCloseable {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(60);
    /** The reader's own state (link, held samples) goes out when it changes, or this often. */
    static final Duration READER_STATE_EVERY = Duration.ofSeconds(60);
    private static final Duration IDLE = Duration.ofSeconds(1);
    /** After a failed publish: the next round, which reconnects if the link is down. */
    private static final Duration RETRY_SEND = Duration.ofMillis(100);

    private final MqttLink link;
    private final HaDiscovery discovery;
    private final Ticker ticker;
    private final Consumer<String> notes;
    private final Backoff backoff = new Backoff(FIRST_RETRY, MAX_RETRY, 2);
    private final AtomicBoolean birth = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    // guarded by lock
    private Sample newest;
    private boolean stateDue;
    private boolean discoveryDue;
    private Reading.Identity identity;
    private java.util.Set<String> keys = java.util.Set.of();
    private Map<String, Object> readerState;
    private boolean readerStateDue;
    private long superseded;

    // publisher thread only
    private boolean wasConnected;
    private long nextAttemptNanos;
    private long readerStateAt = Long.MIN_VALUE;
    private long connects;
    private long published;
    private long failures;
    private volatile boolean running;
    private Thread thread;

    public HaPublisher(MqttLink link, HaDiscovery discovery, Ticker ticker, Consumer<String> notes) {
        this.link = Objects.requireNonNull(link, "link");
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.notes = Objects.requireNonNull(notes, "notes");
        this.nextAttemptNanos = ticker.nanoTime();
    }

    /** Hands over an accepted sample; the one waiting, if any, is replaced. */
    public void offer(Sample sample) {
        lock.lock();
        try {
            if (stateDue) superseded++;
            newest = sample;
            stateDue = true;
            Reading.Identity id = sample.reading().identity();
            java.util.Set<String> sampleKeys = sample.values().keySet();
            if (!id.equals(identity) || !keys.containsAll(sampleKeys)) {
                identity = id;
                keys = new TreeSet<>(sampleKeys);
                discoveryDue = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The reader's state for its own entities; published when {@code link} changed or once a minute. */
    public void readerState(boolean meterLinkUp, long samples, long held) {
        lock.lock();
        try {
            boolean linkChanged = readerState == null || !readerState.get("link").equals(meterLinkUp ? "ON" : "OFF");
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("link", meterLinkUp ? "ON" : "OFF");
            s.put("samples", samples);
            s.put("held", held);
            readerState = s;
            if (linkChanged || ticker.nanoTime() - readerStateAt >= READER_STATE_EVERY.toNanos()) {
                readerStateDue = true;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called on the link's thread; only notes it. */
    void onMessage(String topic, String payload) {
        if (HaDiscovery.BIRTH_TOPIC.equals(topic) && HaDiscovery.ONLINE.equals(payload.strip())) {
            birth.set(true);
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    Publication will() {
        return new Publication(discovery.statusTopic(), HaDiscovery.OFFLINE, 1, true);
    }

    /**
     * One round: reconnect when due, then whatever is due (status, discovery, the newest sample, the reader's
     * state). Returns the ticker time at which the next round is wanted.
     */
    public long step() {
        long now = ticker.nanoTime();
        if (!link.isConnected()) {
            if (wasConnected) {
                wasConnected = false;
                nextAttemptNanos = now;
                notes.accept("lost the connection to the MQTT broker " + link.describe() + "; reconnecting");
            }
            if (now < nextAttemptNanos) return nextAttemptNanos;
            try {
                link.connect(will(), List.of(HaDiscovery.BIRTH_TOPIC), this::onMessage);
            } catch (MqttLinkException e) {
                failures++;
                Duration wait = backoff.next();
                nextAttemptNanos = now + wait.toNanos();
                if (backoff.failures() == 1 || wait.equals(MAX_RETRY) && backoff.failures() % 10 == 0) {
                    notes.accept("MQTT broker " + link.describe() + ": " + e.getMessage() + "; trying again in "
                            + wait.toSeconds() + " s" + (e.notAuthorized() ? " (check --mqtt-user and the password)" : ""));
                }
                return nextAttemptNanos;
            }
            backoff.reset();
            wasConnected = true;
            connects++;
            notes.accept((connects == 1 ? "connected to" : "reconnected to") + " the MQTT broker " + link.describe());
            lock.lock();
            try {
                discoveryDue = true;
                stateDue = newest != null;
                readerStateDue = readerState != null;
            } finally {
                lock.unlock();
            }
            if (!send(new Publication(discovery.statusTopic(), HaDiscovery.ONLINE, 1, true))) return now + RETRY_SEND.toNanos();
        }
        if (birth.getAndSet(false)) {
            lock.lock();
            try {
                discoveryDue = true;
                stateDue = newest != null;
            } finally {
                lock.unlock();
            }
        }
        List<Publication> configs = null;
        Publication state = null;
        Publication reader = null;
        lock.lock();
        try {
            if (discoveryDue && identity != null) configs = discovery.configs(identity, keys);
            if (stateDue) state = statePublication(newest);
            if (readerStateDue) reader = new Publication(discovery.readerStateTopic(), HaDiscovery.json(readerState), 0, false);
        } finally {
            lock.unlock();
        }
        if (configs != null) {
            for (Publication c : configs) if (!send(c)) return now + RETRY_SEND.toNanos();
            clear(() -> discoveryDue = false);
        }
        if (state != null) {
            Sample sent = newest;
            if (!send(state)) return now + RETRY_SEND.toNanos();
            published++;
            clear(() -> {
                if (newest == sent) stateDue = false;
            });
        }
        if (reader != null) {
            if (!send(reader)) return now + RETRY_SEND.toNanos();
            readerStateAt = now;
            clear(() -> readerStateDue = false);
        }
        return now + IDLE.toNanos();
    }

    private void clear(Runnable r) {
        lock.lock();
        try {
            r.run();
        } finally {
            lock.unlock();
        }
    }

    /** Publishes; a failure leaves the message due for the next connection. */
    private boolean send(Publication p) {
        try {
            link.publish(p);
            return true;
        } catch (MqttLinkException e) {
            return false;
        }
    }

    /** The meter state topic's JSON: the sample's values under snake_case keys, and when it was read. */
    public static Publication statePublication(Sample s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", s.readAt().toString());
        m.put("sample", s.number());
        m.putAll(s.values());
        return new Publication(HaDiscovery.meterStateTopic(s.reading().identity()), HaDiscovery.json(m), 0, false);
    }

    /** Runs {@link #step()} on a daemon thread until {@link #close()}. */
    public HaPublisher start() {
        running = true;
        thread = new Thread(this::loop, "mep-watch-mqtt");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            long next = step();
            lock.lock();
            try {
                long wait = next - ticker.nanoTime();
                if (running && wait > 0 && !somethingDue()) changed.awaitNanos(wait);
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean somethingDue() {
        return link.isConnected() && (stateDue || readerStateDue || birth.get() || discoveryDue && identity != null);
    }

    public long connects() {
        return connects;
    }

    public long published() {
        return published;
    }

    /** Samples replaced in the buffer before they could be sent. */
    public long superseded() {
        lock.lock();
        try {
            return superseded;
        } finally {
            lock.unlock();
        }
    }

    public boolean connected() {
        return link.isConnected();
    }

    /** Stops the thread, says {@code offline} (retained) and disconnects. */
    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (link.isConnected()) send(new Publication(discovery.statusTopic(), HaDiscovery.OFFLINE, 1, true));
        link.close();
    }
}
