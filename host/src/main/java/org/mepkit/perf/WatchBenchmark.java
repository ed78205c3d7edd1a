package org.mepkit.perf;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mepkit.dash.DashHttpServer;
import org.mepkit.mep.client.ClientTimings;
import org.mepkit.mep.client.LinkCounters;
import org.mepkit.mep.client.MeterClient;
import org.mepkit.mep.client.MeterSession;
import org.mepkit.mep.frame.Responses;
import org.mepkit.mep.key.MbkKey;
import org.mepkit.mep.table.TableId;
import org.mepkit.mqtt.Mosquitto;
import org.mepkit.mqtt.MqttLink;
import org.mepkit.mqtt.MqttSettings;
import org.mepkit.mqtt.PahoLink;
import org.mepkit.mqtt.Publication;
import org.mepkit.optical.OpticalKey;
import org.mepkit.optical.OpticalMeterReader;
import org.mepkit.optical.OpticalSettings;
import org.mepkit.optical.link.LinkProfile;
import org.mepkit.optical.link.LinkStats;
import org.mepkit.optical.link.OpticalLink;
import org.mepkit.optical.service.C1218Client;
import org.mepkit.reading.MeterReader;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.memory.PacedLine;
import org.mepkit.serial.pty.PtyMasterLine;
import org.mepkit.sim.meter.MeterProfile;
import org.mepkit.sim.meter.MeterTables;
import org.mepkit.sim.meter.VirtualMeter;
import org.mepkit.sim.optical.VirtualOpticalMeter;
import org.mepkit.time.SystemTicker;
import org.mepkit.watch.DashView;
import org.mepkit.watch.MepWatchReader;
import org.mepkit.watch.Sample;
import org.mepkit.watch.SampleLog;
import org.mepkit.watch.SampleSink;
import org.mepkit.watch.Watcher;
import org.mepkit.watch.guard.MeterRating;
import org.mepkit.watch.guard.SpikeGuard;
import org.mepkit.watch.ha.HaDiscovery;
import org.mepkit.watch.ha.HaPublisher;

/**
 * {@code mep perf watch}: how fresh {@code mep watch} keeps Home Assistant, and whether it stays the same size.
 *
 * <p><b>Freshness</b>: the watcher (its real loop, spike guard and MQTT publisher thread) against the virtual
 * meter on an in-process pseudo-terminal, both sides paced at 9600 baud. For every published power value its
 * age when it is handed to the broker connection, counted from the moment the meter took it (when it began its
 * BT28 reply): that reply's time on the wire plus the host's share (publish instant minus the instant the reading
 * was complete). The broker is an in-memory {@link MqttLink} that notes the publish instant (the network after
 * that is the same for any reader). The upstream firmware holds one BT23 + BT28 pair per 2.27 s and publishes or
 * serves on its own timers, so the value it hands out is, at a random moment, half a cycle plus its whole BT28
 * reply old (median 2.27 s / 2 + 235 ms).
 *
 * <p><b>Soak</b>: the same watcher with every sink (MQTT publisher, /getDashDataWS server polled now and then,
 * CSV log) against an unpaced meter, for as many samples as 30 minutes of paced watching would produce
 * (time-scaled); resident size, heap after GC and live threads after a warm-up and at the end.
 */
public final class WatchBenchmark {

    /** Upstream's cycle: one BT23 + BT28 pair about every 2.27 s (issue 10; mep-protocol.md §8.2: 2 s after BT28 was sent). */
    public static final double UPSTREAM_CYCLE_S = 2.27;

    private static final MbkKey KEY = MbkKey.of("WatchBenchKey0123456");
    private static final OpticalKey OPTICAL_KEY = OpticalKey.of("WatchBenchKey0123456");
    private static final Pattern SAMPLE = Pattern.compile("\"sample\":(\\d+)");

    /**
     * One path's freshness.
     *
     * @param freshnessS     median age of a published power value when published, from the moment the meter took it
     *                       (when it began its BT28 reply): the reply's time on the wire plus the host's share
     * @param hostAgeS       median of the host's share: publish instant minus the instant the reading was complete
     * @param upstreamWireS  the upstream firmware's whole BT28 reply on the wire at 9600 baud
     */
    public record Freshness(String path, int published, double samplesPerMin, double freshnessS, double p95S,
                            double hostAgeS, double upstreamWireS) {

        /** Upstream: the value it hands out is, at a random moment of its cycle, half a cycle old plus its BT28 reply. */
        public double upstreamFreshnessS() {
            return UPSTREAM_CYCLE_S / 2 + upstreamWireS;
        }

        public double freshnessRatio() {
            return upstreamFreshnessS() / freshnessS;
        }

        public double samplesRatio() {
            return samplesPerMin / (60 / UPSTREAM_CYCLE_S);
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("published", published);
            m.put("samples_per_min", round(samplesPerMin, 1));
            m.put("upstream_samples_per_min", round(60 / UPSTREAM_CYCLE_S, 1));
            m.put("samples_ratio", round(samplesRatio(), 2));
            m.put("freshness_s", round(freshnessS, 4));
            m.put("freshness_p95_s", round(p95S, 4));
            m.put("upstream_freshness_s", round(upstreamFreshnessS(), 4));
            m.put("freshness_ratio", round(freshnessRatio(), 2));
            m.put("host_age_s", round(hostAgeS, 4));
            m.put("upstream_host_age_s", round(UPSTREAM_CYCLE_S / 2, 4));
            return m;
        }
    }

    /** Memory and threads over a time-scaled soak. */
    public record Soak(boolean realTime, double minutes, int samples, double realS, long rssStartKb, long rssEndKb,
                       long rssMaxKb, long heapStartKb, long heapEndKb, int threadsStart, int threadsEnd, int threadsMax,
                       List<String> newThreads, long brokerConnects) {

        public double rssGrowthMib() {
            return (rssEndKb - rssStartKb) / 1024.0;
        }

        public double heapGrowthMib() {
            return (heapEndKb - heapStartKb) / 1024.0;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mode", realTime ? "real time: " + minutes + " min of watching the paced meter"
                    : "time-scaled: the samples of " + minutes + " min of paced watching, read from an unpaced meter");
            m.put("minutes", minutes);
            m.put("samples", samples);
            m.put("real_s", round(realS, 1));
            m.put("rss_start_mib", round(rssStartKb / 1024.0, 1));
            m.put("rss_end_mib", round(rssEndKb / 1024.0, 1));
            m.put("rss_max_mib", round(rssMaxKb / 1024.0, 1));
            m.put("rss_growth_mib", round(rssGrowthMib(), 1));
            m.put("heap_start_mib", round(heapStartKb / 1024.0, 1));
            m.put("heap_end_mib", round(heapEndKb / 1024.0, 1));
            m.put("heap_growth_mib", round(heapGrowthMib(), 2));
            m.put("threads_start", threadsStart);
            m.put("threads_end", threadsEnd);
            m.put("threads_max", threadsMax);
            m.put("new_threads", newThreads);
            m.put("broker_connects", brokerConnects);
            return m;
        }
    }

    private WatchBenchmark() {
    }

    /** Freshness over MEP: {@code published} accepted samples after {@code warmup}. */
    public static Freshness mep(int warmup, int published, Mosquitto broker) throws IOException {
        MeterProfile profile = MeterProfile.DEFAULT;
        PtyMasterLine meterEnd = PtyMasterLine.open(LineSettings.MEP);
        try (SerialLine client = new PacedLine(JscPorts.open(meterEnd.slavePath(), LineSettings.MEP), SystemTicker.INSTANCE);
             VirtualMeter meter = new VirtualMeter(meterEnd, KEY, profile, SystemTicker.INSTANCE, VirtualMeter.Pacing.PACED).start()) {
            client.discardInput();
            MeterReader reader = new MepWatchReader(new MeterSession(new MeterClient(client, KEY, SystemTicker.INSTANCE,
                    ClientTimings.DEFAULT, new LinkCounters())));
            byte[] bt28 = meter.tables().table(TableId.BT28);
            long full = wireNanos(Responses.data(bt28).length);
            long head = wireNanos(Responses.data(java.util.Arrays.copyOf(bt28, 4 * MepWatchReader.HEAD_VALUES)).length);
            // reading n (1-based) read the whole BT28 when (n - 1) is a multiple of FULL_EVERY, else its head
            return freshness("mep", reader, warmup, published, n -> (n - 1) % MepWatchReader.FULL_EVERY == 0 ? full : head,
                    full / 1e9, link(broker, "mepkit-perf-mep"));
        } finally {
            meterEnd.close();
        }
    }

    /** Freshness over the optical port: one C12.18 session per reading. */
    public static Freshness optical(int warmup, int published, Mosquitto broker) throws IOException {
        MeterProfile profile = MeterProfile.DEFAULT;
        PtyMasterLine meterEnd = PtyMasterLine.open(LineSettings.MEP);
        try (SerialLine client = new PacedLine(JscPorts.open(meterEnd.slavePath(), LineSettings.MEP), SystemTicker.INSTANCE);
             VirtualOpticalMeter meter = VirtualOpticalMeter.of(meterEnd, profile, OPTICAL_KEY, SystemTicker.INSTANCE,
                     VirtualMeter.Pacing.PACED).start()) {
            client.discardInput();
            MeterReader reader = new OpticalMeterReader(new C1218Client(new OpticalLink(client, SystemTicker.INSTANCE,
                    LinkProfile.C1218, new LinkStats())), OPTICAL_KEY, OpticalSettings.DEFAULT);
            // the optical BT28 of the reference meter: status, count, 40 bytes, checksum in one packet (8 bytes of framing)
            long wire = wireNanos(8 + 1 + 2 + 40 + 1);
            long upstream = wireNanos(Responses.data(new MeterTables(profile, SystemTicker.INSTANCE).table(TableId.BT28)).length);
            return freshness("optical", reader, warmup, published, n -> wire, upstream / 1e9, link(broker, "mepkit-perf-optical"));
        } finally {
            meterEnd.close();
        }
    }

    private static long wireNanos(int bytes) {
        return LineSettings.MEP.wireTime(bytes).toNanos();
    }

    /** @param replyWire the nanoseconds the BT28 reply of reading n took on the wire */
    private static Freshness freshness(String path, MeterReader reader, int warmup, int published,
                                       java.util.function.LongUnaryOperator replyWire, double upstreamWireS,
                                       RecordingLink link) throws IOException {
        Map<Long, Long> readAt = new ConcurrentHashMap<>();
        AtomicLong accepted = new AtomicLong();
        List<Long> sampleTimes = new ArrayList<>();
        try (HaPublisher publisher = new HaPublisher(link, discovery(path), SystemTicker.INSTANCE, n -> { }).start()) {
            SampleSink sink = s -> {
                if (!s.accepted()) return;
                readAt.put(s.number(), s.atNanos());
                if (accepted.incrementAndGet() > warmup) sampleTimes.add(s.atNanos());
                publisher.offer(s);
            };
            Watcher watcher = new Watcher(() -> connection(reader), new SpikeGuard(MeterRating.DEFAULT), SystemTicker.INSTANCE,
                    Clock.systemUTC(), Duration.ZERO, List.of(sink), e -> { });
            watcher.run(() -> accepted.get() >= warmup + published);
            long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (link.states(warmup + 1) < published && System.nanoTime() < end) Thread.onSpinWait();
        }
        List<Long> hostAges = new ArrayList<>();
        List<Long> ages = new ArrayList<>();
        for (long[] p : link.published()) {
            Long at = readAt.get(p[0]);
            if (at == null || p[0] <= warmup + 1) continue;
            hostAges.add(p[1] - at);
            ages.add(p[1] - at + replyWire.applyAsLong(p[0]));
        }
        long[] sorted = ages.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] host = hostAges.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0 || sampleTimes.size() < 2) throw new IOException("no sample was published");
        double spanMin = (sampleTimes.get(sampleTimes.size() - 1) - sampleTimes.get(0)) / 60e9;
        return new Freshness(path, sorted.length, (sampleTimes.size() - 1) / spanMin,
                PollBenchmark.percentile(sorted, 0.5) / 1e9, PollBenchmark.percentile(sorted, 0.95) / 1e9,
                PollBenchmark.percentile(host, 0.5) / 1e9, upstreamWireS);
    }

    /**
     * The soak, with every sink running and the broker connection dropped every 1000 samples (the publisher
     * reconnects). Time-scaled: as many samples as {@code minutes} of paced watching at {@code samplesPerMin} give,
     * read from an unpaced meter. Real time: {@code minutes} of watching the paced meter. Resident size, heap after
     * GC and threads are taken half way and at the end.
     */
    public static Soak soak(double minutes, double samplesPerMin, boolean realTime, Path workDir, Mosquitto broker)
            throws IOException, InterruptedException {
        long target = realTime ? Math.round(minutes * 60e9) : Math.round(minutes * samplesPerMin);
        PtyMasterLine meterEnd = PtyMasterLine.open(LineSettings.MEP);
        Path logFile = Files.createTempFile(workDir, "mep-perf-watch-", ".csv");
        Files.delete(logFile);
        DashView view = new DashView("bench");
        RecordingLink link = link(broker, "mepkit-perf-soak");
        VirtualMeter.Pacing pacing = realTime ? VirtualMeter.Pacing.PACED : VirtualMeter.Pacing.UNPACED;
        SerialLine port = JscPorts.open(meterEnd.slavePath(), LineSettings.MEP);
        try (SerialLine client = realTime ? new PacedLine(port, SystemTicker.INSTANCE) : port;
             VirtualMeter meter = new VirtualMeter(meterEnd, KEY, MeterProfile.DEFAULT, SystemTicker.INSTANCE, pacing).start();
             HaPublisher publisher = new HaPublisher(link, discovery("mep"), SystemTicker.INSTANCE, n -> { }).start();
             SampleLog log = SampleLog.open(logFile);
             DashHttpServer http = new DashHttpServer(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                     () -> view.json(java.time.Instant.now()))) {
            client.discardInput();
            MeterReader reader = new MepWatchReader(new MeterSession(new MeterClient(client, KEY, SystemTicker.INSTANCE,
                    ClientTimings.DEFAULT, new LinkCounters())));
            HttpClient web = HttpClient.newHttpClient();
            URI url = URI.create("http://127.0.0.1:" + http.address().getPort() + DashHttpServer.PATH);
            long[] rss = {0, 0, 0};
            long[] heap = {0, 0};
            int[] threads = {0, 0, 0};
            java.util.Set<String> startThreads = new java.util.TreeSet<>();
            AtomicLong count = new AtomicLong();
            long started = System.nanoTime();
            java.util.function.LongSupplier done = () -> realTime ? System.nanoTime() - started : count.get();
            boolean[] warm = {false};
            long[] nextDrop = {1000};
            SampleSink probe = s -> {
                long n = count.incrementAndGet();
                if (n % 250 == 1) {
                    try {
                        web.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                // the next drop only once the publisher is back: Paho's reconnect backs off (1 s, 2 s, 4 s ...), and
                // unpaced a thousand samples take well under a second, so fixed drops kept it offline for good
                if (n >= nextDrop[0] && publisher.connected()) {
                    dropBroker(broker, link);
                    nextDrop[0] = n + 1000;
                }
                if (n % 100 == 0) {
                    rss[2] = Math.max(rss[2], rssKb());
                    threads[2] = Math.max(threads[2], threadCount());
                }
                // threads are compared with the publisher connected both times (a reconnect in progress has fewer)
                if (!warm[0] && done.getAsLong() >= target / 2) {
                    // halfway, the baseline is taken with the publisher connected (as at the end): wait out its reconnect
                    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (!publisher.connected() && System.nanoTime() < until) LockSupport.parkNanos(10_000_000L);
                    if (!publisher.connected()) return;
                    warm[0] = true;
                    startThreads.addAll(threadNames());
                    heap[0] = heapAfterGcKb();
                    rss[0] = rssKb();
                    threads[0] = threadCount();
                }
            };
            SampleSink mqtt = s -> {
                if (s.accepted()) publisher.offer(s);
            };
            Watcher watcher = new Watcher(() -> connection(reader), new SpikeGuard(MeterRating.DEFAULT), SystemTicker.INSTANCE,
                    Clock.systemUTC(), Duration.ZERO, List.of(mqtt, view, log::append, probe), e -> { });
            watcher.run(() -> done.getAsLong() >= target);
            if (!warm[0]) {
                throw new IOException("the soak's publisher was never connected after its first half: no baseline to compare with");
            }
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!publisher.connected() && System.nanoTime() < end) Thread.sleep(50);
            heap[1] = heapAfterGcKb();
            rss[1] = rssKb();
            threads[1] = threadCount();
            double realS = (System.nanoTime() - started) / 1e9;
            List<String> fresh = new ArrayList<>(threadNames());
            fresh.removeAll(startThreads);
            return new Soak(realTime, minutes, (int) count.get(), realS, rss[0], rss[1], rss[2], heap[0], heap[1], threads[0],
                    threads[1], threads[2], fresh, link.connects());
        } finally {
            meterEnd.close();
            Files.deleteIfExists(logFile);
        }
    }

    /** The broker goes away and comes back (a real one restarts; the one in memory just drops the connection). */
    private static void dropBroker(Mosquitto broker, RecordingLink link) throws IOException {
        if (broker == null) {
            link.disconnect();
            return;
        }
        try {
            broker.restart();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Watcher.Connection connection(MeterReader reader) {
        return Watcher.Connection.of(reader, () -> { });
    }

    private static HaDiscovery discovery(String path) {
        return new HaDiscovery(new HaDiscovery.ReaderInfo("mepkit_bench_" + path, "bench", path, "bench"), 60);
    }

    static long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return Runtime.getRuntime().totalMemory() / 1024;
    }

    static long heapAfterGcKb() {
        System.gc();
        System.gc();
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) / 1024;
    }

    static java.util.Set<String> threadNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) names.add(t.getName());
        return names;
    }

    static int threadCount() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    /**
     * The broker connection of a run: a real mosquitto through Paho when mosquitto is installed (started here on
     * 127.0.0.1 and a free port, stopped by PID), else in memory. Notes the publish instant of every meter state.
     */
    static final class RecordingLink implements MqttLink {
        private final List<long[]> states = new ArrayList<>();
        private final MqttLink inner;
        private volatile boolean connected;
        private final AtomicLong connects = new AtomicLong();

        /** @param inner the real connection, or null for one in memory */
        RecordingLink(MqttLink inner) {
            this.inner = inner;
        }

        @Override
        public void connect(Publication will, List<String> subscriptions, BiConsumer<String, String> onMessage)
                throws org.mepkit.mqtt.MqttLinkException {
            if (inner != null) inner.connect(will, subscriptions, onMessage);
            connected = true;
            connects.incrementAndGet();
        }

        long connects() {
            return connects.get();
        }

        @Override
        public boolean isConnected() {
            return inner != null ? inner.isConnected() : connected;
        }

        @Override
        public void publish(Publication message) throws org.mepkit.mqtt.MqttLinkException {
            if (inner != null) inner.publish(message);
            else if (!connected) throw new org.mepkit.mqtt.MqttLinkException("not connected", false, null);
            long now = System.nanoTime();
            if (!message.topic().startsWith("mepkit/mepkit_meter_")) return;
            Matcher m = SAMPLE.matcher(message.payload());
            if (m.find()) {
                synchronized (states) {
                    states.add(new long[] {Long.parseLong(m.group(1)), now});
                }
            }
        }

        int states(int after) {
            synchronized (states) {
                return (int) states.stream().filter(s -> s[0] > after).count();
            }
        }

        List<long[]> published() {
            synchronized (states) {
                return List.copyOf(states);
            }
        }

        @Override
        public void disconnect() {
            if (inner != null) inner.disconnect();
            connected = false;
        }

        @Override
        public String describe() {
            return inner != null ? inner.describe() : "memory";
        }

        @Override
        public void close() {
            if (inner != null) inner.close();
            connected = false;
        }
    }

    /** A mosquitto for the run when installed, else null (the link stays in memory). */
    public static Mosquitto broker(Path workDir) {
        if (Mosquitto.binary() == null) return null;
        try {
            return Mosquitto.start(Files.createTempDirectory(workDir, "mep-perf-watch-broker-"));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static RecordingLink link(Mosquitto broker, String clientId) throws IOException {
        return new RecordingLink(broker == null ? null : new PahoLink(new MqttSettings(broker.url(), null, null, clientId)));
    }

    /** What the runs published to, for the output. */
    public static String brokerText(boolean real) {
        return real ? "mosquitto on 127.0.0.1 through Paho" : "in memory (mosquitto is not installed)";
    }
}
