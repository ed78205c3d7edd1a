package org.mepkit.perf;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.mepkit.mep.client.ClientTimings;
import org.mepkit.mep.client.LinkCounters;
import org.mepkit.mep.client.MeterClient;
import org.mepkit.mep.client.MeterSession;
import org.mepkit.mep.frame.Request;
import org.mepkit.mep.frame.Responses;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.TableId;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortOpener;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.memory.PacedLine;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.time.SystemTicker;

/**
 * The poll-efficiency benchmark: how close one BT23 + BT28 polling cycle comes to the time the
 * bytes need on a 9600-baud wire plus the meter's turnaround.
 *
 * <p>Set-up ({@code mep perf poll}): a pseudo-terminal made in-process, the virtual meter on its master, the
 * client on its slave opened with jSerialComm as a real port; the meter paced at the line's baud with the profile's turnaround; the {@link MeterClient} on the other,
 * its writes paced too (a pty does not slow the host's transmissions down, a UART does). After the
 * start-up reads, cycles run back to back (the firmware's 2 s idle gap between cycles is not part
 * of a cycle). {@code ratio} = median cycle / (wire time of both requests and replies + two
 * turnarounds); 1.0 means no overhead at all, the target is at most 1.05.
 */
public final class PollBenchmark {

    public record Result(int cycles, int baud, int requestBytes, int replyBytes, double wireS, double turnaroundS,
                         double cycleS, double p95S, double minS, double maxS, double ratio, long retransmissions,
                         long timeouts, long garbage) {

        /** The target: a cycle at most 5 % above wire time + turnaround. */
        public List<Target> targets() {
            return List.of(Target.atMost("ratio", ratio, 1.05));
        }

        /** The JSON fields, in a stable order. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("benchmark", "poll");
            m.put("cycle", "BT23 partial read (13 bytes) + BT28 full read, back to back");
            m.put("baud", baud);
            m.put("count", cycles);
            m.put("request_bytes", requestBytes);
            m.put("reply_bytes", replyBytes);
            m.put("wire_s", round(wireS));
            m.put("turnaround_s", round(turnaroundS));
            m.put("cycle_s", round(cycleS));
            m.put("p95_s", round(p95S));
            m.put("min_s", round(minS));
            m.put("max_s", round(maxS));
            m.put("ratio", Math.round(ratio * 10_000) / 10_000.0);
            m.put("retransmissions", retransmissions);
            m.put("timeouts", timeouts);
            m.put("garbage", garbage);
            return m;
        }

        private static double round(double seconds) {
            return Math.round(seconds * 1_000_000) / 1_000_000.0;
        }
    }

    private static final MbkKey BENCH_KEY = MbkKey.of("PollBenchKey01234567");

    private PollBenchmark() {
    }

    /**
     * Runs {@code warmup} unmeasured and then {@code cycles} measured cycles between {@code meterPort}
     * and {@code clientPort} (two ends of a null-modem link).
     */
    public static Result run(PortOpener opener, String meterPort, String clientPort, MeterProfile profile,
                             int warmup, int cycles) throws IOException {
        return run(opener.open(meterPort, LineSettings.MEP), opener.open(clientPort, LineSettings.MEP), profile, warmup, cycles);
    }

    /** As above on two open lines (a pty's master and its slave); both are closed at the end. */
    public static Result run(SerialLine meterEnd, SerialLine clientEnd, MeterProfile profile, int warmup, int cycles)
            throws IOException {
        return run(meterEnd, clientEnd, profile, warmup, cycles, done -> { });
    }

    /** As above, telling {@code cycleDone} the number of measured cycles done after each one. */
    public static Result run(SerialLine meterEnd, SerialLine clientEnd, MeterProfile profile, int warmup, int cycles,
                             IntConsumer cycleDone) throws IOException {
        if (cycles < 1) throw new IllegalArgumentException("at least one cycle");
        LineSettings settings = LineSettings.MEP;
        LinkCounters counters = new LinkCounters();
        try (SerialLine meterLine = meterEnd;
             SerialLine clientLine = clientEnd;
             VirtualMeter meter = new VirtualMeter(meterLine, BENCH_KEY, profile, SystemTicker.INSTANCE,
                     VirtualMeter.Pacing.PACED).start()) {
            meterLine.discardInput();
            clientLine.discardInput();
            MeterClient client = new MeterClient(new PacedLine(clientLine, SystemTicker.INSTANCE), BENCH_KEY,
                    SystemTicker.INSTANCE, ClientTimings.DEFAULT, counters);
            MeterSession session = new MeterSession(client);
            session.startup();
            for (int i = 0; i < warmup; i++) session.poll();
            long[] nanos = new long[cycles];
            for (int i = 0; i < cycles; i++) {
                long start = System.nanoTime();
                session.poll();
                nanos[i] = System.nanoTime() - start;
                cycleDone.accept(i + 1);
            }
            Arrays.sort(nanos);
            int requestBytes = requestSize(MeterSession.BT23_POLL.body()) + requestSize(MeterSession.BT28_POLL.body());
            int replyBytes = Responses.data(meter.tables().bt23Partial()).length
                    + Responses.data(meter.tables().table(TableId.BT28)).length + 2 * Responses.TRAILER_LENGTH;
            double wire = settings.wireTime(requestBytes + replyBytes).toNanos() / 1e9;
            double turnaround = 2 * profile.turnaround().toNanos() / 1e9;
            double median = percentile(nanos, 0.5) / 1e9;
            return new Result(cycles, settings.baud(), requestBytes, replyBytes, wire, turnaround, median,
                    percentile(nanos, 0.95) / 1e9, nanos[0] / 1e9, nanos[cycles - 1] / 1e9,
                    median / (wire + turnaround), counters.retransmissions(), counters.timeouts(), counters.garbage());
        }
    }

    private static int requestSize(byte[] body) {
        return new Request(body, 0).encode(BENCH_KEY).length;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
