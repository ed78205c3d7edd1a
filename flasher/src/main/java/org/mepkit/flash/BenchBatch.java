package org.mepkit.flash;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import org.mepkit.esptool.EsptoolEvent;
import org.mepkit.esptool.EsptoolException;
import org.mepkit.serial.SerialException;
import org.mepkit.time.Deadline;
import org.mepkit.time.Ticker;

/**
 * Bench mode: wait for USB-serial adapters, flash + provision + boot-check the board on each, append one record
 * per board to the bench log, and once a board is unplugged flash the next one plugged into that place. Up to
 * {@code parallel} boards are flashed at once, each with its own esptool (boards on separate adapters are
 * independent); a failing board is recorded and the others go on. Only an interrupt (Ctrl-C), {@code maxBoards}
 * or an idle bench ends it.
 */
public final class BenchBatch {

    /** What the bench operator sees: a line of text per step (called from the boards' threads, one at a time). */
    public interface Listener {
        void waiting();

        void started(AdapterWatcher.Adapter adapter);

        void finished(BatchRecord record);
    }

    private final AdapterWatcher watcher;
    private final FlashJob job;
    private final BenchLog log;
    private final Ticker ticker;

    public BenchBatch(AdapterWatcher watcher, FlashJob job, BenchLog log, Ticker ticker) {
        this.watcher = watcher;
        this.job = job;
        this.log = log;
        this.ticker = ticker;
    }

    /** One board at a time, every board's events to {@code events}. */
    public int run(FlashPlan plan, FlashSettings settings, Collection<String> secrets, int maxBoards, Duration idleLimit,
                   Listener listener, Consumer<EsptoolEvent> events) throws InterruptedException {
        return run(plan, settings, secrets, maxBoards, idleLimit, 1, listener, a -> events);
    }

    /**
     * @param maxBoards stop after this many boards (0 = until interrupted)
     * @param idleLimit stop when no new adapter appears for this long and no board is being flashed
     * @param parallel  how many boards may be flashed at once
     * @param events    the consumer of one board's esptool events
     * @return the number of boards handled
     */
    public int run(FlashPlan plan, FlashSettings settings, Collection<String> secrets, int maxBoards, Duration idleLimit,
                   int parallel, Listener listener, Function<AdapterWatcher.Adapter, Consumer<EsptoolEvent>> events)
            throws InterruptedException {
        if (parallel < 1) throw new IllegalArgumentException("parallel must be at least 1: " + parallel);
        Set<String> known = ConcurrentHashMap.newKeySet();
        known.addAll(watcher.present());
        Set<String> finished = ConcurrentHashMap.newKeySet();
        Semaphore slots = new Semaphore(parallel);
        AtomicInteger running = new AtomicInteger();
        ExecutorService boards = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "bench-board");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> started = new ArrayList<>();
        try {
            while (maxBoards == 0 || started.size() < maxBoards) {
                synchronized (listener) {
                    listener.waiting();
                }
                Optional<AdapterWatcher.Adapter> adapter = awaitNext(known, finished, running, idleLimit);
                if (adapter.isEmpty()) break;
                AdapterWatcher.Adapter a = adapter.get();
                String name = a.path().getFileName().toString();
                known.add(name);
                slots.acquire();
                running.incrementAndGet();
                started.add(boards.submit(() -> {
                    try {
                        synchronized (listener) {
                            listener.started(a);
                        }
                        BatchRecord record = flashOne(plan, settings.withPort(a.path().toString()), secrets, a, events.apply(a));
                        synchronized (listener) {
                            log.append(record);
                            listener.finished(record);
                        }
                    } finally {
                        finished.add(name);
                        running.decrementAndGet();
                        slots.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : started) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a board's flash failed unexpectedly", e.getCause());
                }
            }
        } finally {
            boards.shutdownNow();
        }
        return started.size();
    }

    /**
     * The next adapter that is not {@code known}; a flashed board's adapter becomes unknown once it is unplugged, so
     * the next board plugged in there is flashed. Empty once nothing new appeared for {@code idleLimit} while no
     * board was being flashed.
     */
    private Optional<AdapterWatcher.Adapter> awaitNext(Set<String> known, Set<String> finished, AtomicInteger running,
                                                       Duration idleLimit) throws InterruptedException {
        Deadline idle = ticker.deadlineAfter(idleLimit);
        while (true) {
            Set<String> present = watcher.present();
            for (String name : List.copyOf(finished)) {
                if (!present.contains(name)) {
                    finished.remove(name);
                    known.remove(name);
                }
            }
            if (running.get() > 0) idle = ticker.deadlineAfter(idleLimit);
            Duration wait = idle.remaining().compareTo(AdapterWatcher.POLL) < 0 ? idle.remaining() : AdapterWatcher.POLL;
            Optional<AdapterWatcher.Adapter> next = watcher.awaitNew(known, ticker.deadlineAfter(wait));
            if (next.isPresent()) return next;
            if (idle.expired() && running.get() == 0) return Optional.empty();
        }
    }

    private BatchRecord flashOne(FlashPlan plan, FlashSettings s, Collection<String> secrets, AdapterWatcher.Adapter a,
                                 Consumer<EsptoolEvent> events) throws InterruptedException {
        String[] mac = new String[1];
        Consumer<EsptoolEvent> spy = e -> {
            if (e instanceof EsptoolEvent.Mac m) mac[0] = m.mac();
            events.accept(e);
        };
        String time = Instant.now().toString();
        String serial = a.usbSerial().orElse(null);
        String sha = plan.firmwareSha256().orElse(null);
        try {
            FlashOutcome o = job.run(plan, s, secrets, spy, () -> { });
            return new BatchRecord(time, s.port(), serial, o.esptool().mac().orElse(mac[0]), sha, plan.nvsKeys(), o.verdict(),
                    o.bootLogFile().map(Object::toString).orElse(null), null);
        } catch (EsptoolException e) {
            return new BatchRecord(time, s.port(), serial, mac[0], sha, plan.nvsKeys(), "failed", null, e.actionableMessage());
        } catch (SerialException e) {
            return new BatchRecord(time, s.port(), serial, mac[0], sha, plan.nvsKeys(), "no-boot-log", null, e.getMessage());
        }
    }
}
