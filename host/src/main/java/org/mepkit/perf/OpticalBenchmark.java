package org.mepkit.perf;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.mepkit.optical.OpticalKey;
import org.mepkit.optical.OpticalMeterReader;
import org.mepkit.optical.OpticalSettings;
import org.mepkit.optical.link.LinkProfile;
import org.mepkit.optical.link.LinkStats;
import org.mepkit.optical.link.OpticalLink;
import org.mepkit.optical.service.C1218Client;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.memory.ForwardingLine;
import org.mepkit.serial.memory.PacedLine;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.MeterTables;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.sim.optical.OpticalLayout;
import org.mepkit.sim.optical.OpticalMeterMachine;
import org.mepkit.sim.optical.OpticalTables;
import org.mepkit.sim.optical.VirtualOpticalMeter;
import org.mepkit.time.SystemTicker;

/**
 * The optical-session benchmark: how close one whole {@code mep read --optical} session (ident,
 * negotiate, logon, security, BT00, BT01, BT21, ET03, BT52, BT23, BT28, logoff, terminate) comes to the
 * time its bytes, ACKs included, need on a 9600-baud wire.
 *
 * <p>Set-up: a pseudo-terminal (the meter on its master, the client on its slave opened with jSerialComm);
 * the virtual optical meter on one end, paced at the line's baud with no turnaround of its own; the client on the other, its writes
 * paced too. Every byte each side writes is counted. C12.18 is half duplex (each side waits for the
 * other's ACK or response), so the session can be no shorter than the wire time of all bytes; what
 * it takes beyond is mepkit's turnaround on both ends (reading, ACKing, answering) and the pty's.
 * {@code ratio} = median session / that wire time; the target is at most {@link #TARGET_RATIO}.
 */
public final class OpticalBenchmark {

    public static final double TARGET_RATIO = 1.10;
    static final String SESSION = "ident, negotiate, logon, security, BT00, BT01, BT21, ET03 (2 partial reads), BT52, BT23, BT28,"
            + " logoff, terminate";

    public record Result(int runs, int baud, long clientBytes, long meterBytes, long packets, double wireS, double sessionS,
                         double minS, double maxS, double ratio, long retransmissions, long naks, long duplicates) {

        public List<Target> targets() {
            return List.of(Target.atMost("ratio", ratio, TARGET_RATIO));
        }

        /** The JSON fields, in a stable order. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("benchmark", "optical");
            m.put("session", SESSION);
            m.put("baud", baud);
            m.put("runs", runs);
            m.put("client_bytes", clientBytes);
            m.put("meter_bytes", meterBytes);
            m.put("packets", packets);
            m.put("wire_s", round(wireS));
            m.put("session_s", round(sessionS));
            m.put("min_s", round(minS));
            m.put("max_s", round(maxS));
            m.put("ratio", Math.round(ratio * 10_000) / 10_000.0);
            m.put("retransmissions", retransmissions);
            m.put("naks", naks);
            m.put("duplicates", duplicates);
            return m;
        }

        private static double round(double seconds) {
            return Math.round(seconds * 1_000_000) / 1_000_000.0;
        }
    }

    private static final OpticalKey BENCH_KEY = OpticalKey.of("OpticalBench-Key-001");

    private OpticalBenchmark() {
    }

    /** Runs {@code warmup} unmeasured and {@code runs} measured sessions between two ends of a null-modem link. */
    public static Result run(SerialLine meterLine, SerialLine clientLine, MeterProfile profile, int warmup, int runs)
            throws IOException {
        if (runs < 1) throw new IllegalArgumentException("at least one run");
        LineSettings settings = LineSettings.MEP;
        try (meterLine; clientLine) {
            CountingLine meterSide = new CountingLine(meterLine);
            CountingLine clientSide = new CountingLine(new PacedLine(clientLine, SystemTicker.INSTANCE));
            OpticalMeterMachine machine = new OpticalMeterMachine(new OpticalTables(new MeterTables(profile, SystemTicker.INSTANCE),
                    profile, OpticalLayout.OPTICAL), BENCH_KEY, OpticalMeterMachine.Config.DEFAULT);
            LinkStats stats = new LinkStats();
            long[] nanos = new long[runs];
            long clientBytes = 0;
            long meterBytes = 0;
            long packets = 0;
            try (VirtualOpticalMeter meter = new VirtualOpticalMeter(meterSide, machine, SystemTicker.INSTANCE,
                    VirtualMeter.Pacing.PACED).start()) {
                for (int i = -warmup; i < runs; i++) {
                    OpticalLink link = new OpticalLink(clientSide, SystemTicker.INSTANCE, LinkProfile.C1218, i < 0 ? new LinkStats() : stats);
                    OpticalMeterReader reader = new OpticalMeterReader(new C1218Client(link), BENCH_KEY, OpticalSettings.DEFAULT);
                    long c0 = clientSide.written();
                    long m0 = meterSide.written();
                    long p0 = stats.packetsReceived() + stats.packetsSent();
                    long start = System.nanoTime();
                    reader.read();
                    long took = System.nanoTime() - start;
                    if (i < 0) continue;
                    nanos[i] = took;
                    clientBytes = clientSide.written() - c0;
                    meterBytes = meterSide.written() - m0;
                    packets = stats.packetsReceived() + stats.packetsSent() - p0;
                }
            }
            Arrays.sort(nanos);
            double wire = settings.wireTime((int) (clientBytes + meterBytes)).toNanos() / 1e9;
            double median = PollBenchmark.percentile(nanos, 0.5) / 1e9;
            return new Result(runs, settings.baud(), clientBytes, meterBytes, packets, wire, median, nanos[0] / 1e9,
                    nanos[runs - 1] / 1e9, median / wire, stats.retransmissions(), stats.naksReceived() + stats.naksSent(),
                    stats.duplicates());
        }
    }

    /**
     * Counts the bytes written through it, before handing them on: once the peer has read a byte, it
     * has been counted.
     */
    private static final class CountingLine extends ForwardingLine {
        private final AtomicLong written = new AtomicLong();

        CountingLine(SerialLine line) {
            super(line);
        }

        @Override
        public void write(byte[] data, int offset, int len) throws SerialException {
            written.addAndGet(len);
            line.write(data, offset, len);
        }

        long written() {
            return written.get();
        }
    }
}
