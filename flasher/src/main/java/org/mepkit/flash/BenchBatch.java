package org.mepkit.flash;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.mepkit.esptool.EsptoolEvent;
import org.mepkit.esptool.EsptoolException;
import org.mepkit.serial.SerialException;
import org.mepkit.time.Deadline;
import org.mepkit.time.Ticker;

/**
 * Bench mode: wait for the next USB-serial adapter, flash + provision + boot-check the board on
 * it, append one record to the bench log, wait for it to be unplugged, repeat. A failing board is
 * recorded and the loop goes on; only an interrupt (Ctrl-C) or {@code maxBoards} ends it.
 */
public final class BenchBatch {

    /** What the bench operator sees: a line of text per step. */
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

    /**
     * @param maxBoards stop after this many boards (0 = until interrupted)
     * @param idleLimit stop when no new adapter appears for this long
     * @return the number of boards handled
     */
    public int run(FlashPlan plan, FlashSettings settings, Collection<String> secrets, int maxBoards, Duration idleLimit,
                   Listener listener, Consumer<EsptoolEvent> events) throws InterruptedException {
        Set<String> known = new HashSet<>(watcher.present());
        int boards = 0;
        while (maxBoards == 0 || boards < maxBoards) {
            listener.waiting();
            Deadline idle = ticker.deadlineAfter(idleLimit);
            var adapter = watcher.awaitNew(known, idle);
            if (adapter.isEmpty()) break;
            AdapterWatcher.Adapter a = adapter.get();
            known.add(a.path().getFileName().toString());
            listener.started(a);
            BatchRecord record = flashOne(plan, settings.withPort(a.path().toString()), secrets, a, events);
            log.append(record);
            listener.finished(record);
            boards++;
            if (watcher.awaitGone(a, ticker.deadlineAfter(idleLimit))) known.remove(a.path().getFileName().toString());
        }
        return boards;
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
