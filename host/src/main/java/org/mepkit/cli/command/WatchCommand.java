package org.mepkit.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.Interrupts;
import org.mepkit.cli.MepException;
import org.mepkit.cli.MepVersion;
import org.mepkit.cli.option.DurationConverter;
import org.mepkit.cli.option.JsonLinesOptions;
import org.mepkit.cli.option.KeyOptions;
import org.mepkit.cli.option.OpticalOptions;
import org.mepkit.cli.option.OutputOptions;
import org.mepkit.cli.option.PortOptions;
import org.mepkit.dash.DashHttpServer;
import org.mepkit.mep.client.ClientTimings;
import org.mepkit.mep.client.LinkCounters;
import org.mepkit.mep.client.MeterClient;
import org.mepkit.mep.client.MeterSession;
import org.mepkit.mqtt.MqttLinkException;
import org.mepkit.mqtt.MqttSettings;
import org.mepkit.mqtt.PahoLink;
import org.mepkit.optical.OpticalKey;
import org.mepkit.optical.OpticalMeterReader;
import org.mepkit.optical.OpticalSettings;
import org.mepkit.optical.link.LinkProfile;
import org.mepkit.optical.link.LinkStats;
import org.mepkit.optical.link.OpticalLink;
import org.mepkit.optical.service.C1218Client;
import org.mepkit.power.SystemProcessLauncher;
import org.mepkit.reading.MeterReader;
import org.mepkit.report.ReportInfo;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortOpener;
import org.mepkit.serial.Ports;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.SystemTicker;
import org.mepkit.watch.DashView;
import org.mepkit.watch.Sample;
import org.mepkit.watch.SampleLog;
import org.mepkit.watch.SampleSink;
import org.mepkit.watch.WatchEvent;
import org.mepkit.watch.WatchSummary;
import org.mepkit.watch.Watcher;
import org.mepkit.watch.guard.MeterRating;
import org.mepkit.watch.guard.SpikeGuard;
import org.mepkit.watch.ha.HaDiscovery;
import org.mepkit.watch.ha.HaPublisher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.mepkit.util.UserFiles;

/** {@code mep watch}: reads a meter continuously and feeds Home Assistant (MQTT), HTTP and a log. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Read a meter continuously and publish what it measures: to Home Assistant over MQTT (discovery, "
                + "state, availability), as the board's /getDashDataWS JSON over HTTP, and to a CSV or JSON-lines log.",
                "MEP: the board's start-up reads, then BT23 and BT28 back to back unless --interval says otherwise; BT28 "
                        + "whole every 10th time, else its first 32 values (all that Home Assistant is given). "
                        + "--optical: one C12.18 session per reading (ident ... terminate), so a lost packet, a meter that "
                        + "restarted or a probe taken off costs one reading and nothing lingers in the meter's session state.",
                "Every sample passes a spike guard: an energy register never goes back nor grows faster than the meter's "
                        + "rating (--max-current), and the power total must match the phases. A sample that fails is held "
                        + "(logged, not published) until the readings agree again.",
                "It never exits on trouble: a port that is gone is reopened with backoff, a silent meter is asked again, "
                        + "a refused key backs off up to 15 minutes. Ctrl-C stops it with a summary and exit code 130 "
                        + "(interrupted, as in the README's table); SIGTERM stops it the same way.",
                "The MQTT password comes from --mqtt-password-file or MEP_MQTT_PASSWORD and is never printed. "
                        + "With --json every sample and event is a JSON line on stdout."})
public final class WatchCommand implements Callable<Integer> {

    public static final String PASSWORD_ENV = "MEP_MQTT_PASSWORD";

    @Spec
    CommandSpec spec;

    @Mixin
    PortOptions port;

    @Mixin
    KeyOptions key;

    @Mixin
    RecoveryOptions recovery;

    @Mixin
    JsonLinesOptions output;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Start a reading this often (e.g. 2s; default: back to back, as fast as the wire allows).")
    Duration interval;

    @Option(names = "--mqtt", paramLabel = "URL",
            description = "Publish to this MQTT broker: tcp://HOST[:1883] or ssl://HOST[:8883] (TLS, the JVM's trust store).")
    String mqttUrl;

    @Option(names = "--mqtt-user", paramLabel = "NAME", description = "User name for the broker.")
    String mqttUser;

    @Option(names = "--mqtt-password-file", paramLabel = "PATH",
            description = "File whose first line is the broker password (else " + PASSWORD_ENV + ").")
    Path mqttPasswordFile;

    @Option(names = "--http", paramLabel = "ADDR:PORT",
            description = "Serve /getDashDataWS like the board (the board's Home Assistant integration works unchanged);"
                    + " PORT alone listens on 127.0.0.1 only.")
    String http;

    @Option(names = "--log", paramLabel = "FILE",
            description = "Append one line per sample (published or held) to FILE: CSV for .csv, JSON lines for .jsonl/.ndjson/.json.")
    Path log;

    @Mixin
    OpticalOptions optical;

    @Option(names = "--max-current", paramLabel = "A", defaultValue = "100",
            description = "The meter's maximum current per phase (3 phases, 253 V): bounds how fast an energy register may grow"
                    + " (default: ${DEFAULT-VALUE} A).")
    double maxCurrent;

    private final PortOpener opener;
    private final Map<String, String> environment;
    private final BooleanSupplier stopRequested;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean terminate;
    private long samplesSeen;
    private long heldSamples;

    public WatchCommand() {
        this(Ports.OPENER, System.getenv(), () -> false);
    }

    /** For tests: another opener, environment, and a stop condition checked before every reading. */
    WatchCommand(PortOpener opener, Map<String, String> environment, BooleanSupplier stop) {
        this.opener = opener;
        this.environment = environment;
        this.stopRequested = stop;
    }

    @Override
    public Integer call() throws Exception {
        port.baud(LineSettings.MEP.baud()); // a bad --baud is a usage error now, not a port trouble retried for ever
        MeterRating rating;
        try {
            rating = MeterRating.DEFAULT.withMaxCurrent(maxCurrent);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, "--max-current: " + e.getMessage());
        }
        Duration every = interval == null ? Duration.ZERO : interval;
        if (every.isNegative()) throw new MepException(ExitCodes.USAGE, "--interval must not be negative");
        OpticalSettings opticalSettings = optical.settings();
        OpticalKey opticalKey = optical.optical() ? key.opticalKey(environment) : null;
        if (!optical.optical()) key.key(environment); // a missing or malformed MBK key stops us before the first connection
        if (optical.optical() && recovery.enabled()) {
            throw new MepException(ExitCodes.USAGE, "--power and --enable switch the MEP port's MAX3232; an optical probe has none");
        }
        InetSocketAddress httpAddress = http == null ? null : httpAddress(http);
        MqttSettings mqtt = mqttSettings();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String version = MepVersion.current();
        List<AutoCloseable> resources = new ArrayList<>();
        List<SampleSink> sinks = new ArrayList<>();
        WatchProgress progress = new WatchProgress(spec, output.json());
        try {
            if (log != null) sinks.add(openLog(progress));
            HaPublisher publisher = null;
            if (mqtt != null) {
                HaDiscovery discovery = new HaDiscovery(HaDiscovery.ReaderInfo.of(ReportInfo.hostName(), port.port(), optical.optical() ? "optical" : "mep",
                        version), expireAfter(every));
                PahoLink link;
                try {
                    link = new PahoLink(new MqttSettings(mqtt.url(), mqtt.user(), mqtt.password(),
                            "mepkit-" + discovery.reader().id()));
                } catch (MqttLinkException e) {
                    throw new MepException(ExitCodes.USAGE, "--mqtt: " + e.getMessage());
                }
                publisher = new HaPublisher(link, discovery, SystemTicker.INSTANCE, progress::note).start();
                resources.add(publisher);
                HaPublisher p = publisher;
                sinks.add(s -> {
                    if (s.accepted()) p.offer(s);
                    else if (s.verdict().status() == org.mepkit.watch.guard.GuardVerdict.Status.HELD) heldSamples++;
                    samplesSeen = s.number();
                    p.readerState(true, samplesSeen, heldSamples);
                });
            }
            String httpUrl = null;
            if (httpAddress != null) {
                DashView view = new DashView(version);
                sinks.add(view);
                DashHttpServer server;
                try {
                    server = new DashHttpServer(httpAddress, () -> view.json(java.time.Instant.now()));
                } catch (IOException e) {
                    throw new MepException(ExitCodes.PORT, "--http " + http + ": cannot listen there: " + e.getMessage());
                }
                resources.add(server);
                httpUrl = "http://" + hostText(server.address()) + DashHttpServer.PATH;
            }
            sinks.add(progress);
            HaPublisher mqttPublisher = publisher;
            Watcher.Connector connector = optical.optical() ? () -> connectOptical(opticalKey, opticalSettings) : this::connect;
            Watcher watcher = new Watcher(connector, new SpikeGuard(rating), SystemTicker.INSTANCE, Clock.systemUTC(),
                    every, sinks, e -> {
                        progress.event(e);
                        if (mqttPublisher != null && e.retryIn() != null) mqttPublisher.readerState(false, samplesSeen, heldSamples);
                    });
            progress.started(startLine(every, httpUrl));
            Thread worker = Thread.currentThread();
            Thread hook = new Thread(() -> {
                terminate = true;
                worker.interrupt();
                try {
                    finished.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    // the JVM is going
                }
            }, "mep-watch-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            WatchSummary summary;
            try {
                summary = watcher.run(() -> terminate || stopRequested.getAsBoolean());
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // SIGTERM: the hook is running and waits for us
                }
            }
            Interrupts.clearForPartialResults();
            Thread.interrupted();
            closeAll(resources);
            resources.clear();
            progress.close();
            if (output.json()) OutputOptions.printJson(out, summary.toJson());
            else {
                out.println(summary.text());
                out.flush();
            }
            err.flush();
            return Interrupts.requested() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
        } finally {
            closeAll(resources);
            progress.close();
            finished.countDown();
        }
    }

    /** Long enough that a measurement only expires when samples really stopped coming. */
    static int expireAfter(Duration every) {
        return (int) Math.max(60, every.multipliedBy(5).toSeconds());
    }

    private String startLine(Duration every, String httpUrl) {
        String pace = every.isZero() ? "back to back" : "every " + DurationConverter.format(every);
        StringBuilder s = new StringBuilder("watching " + port.port() + (optical.optical()
                ? " (optical port, one C12.18 session per reading, " + pace + ")"
                : " (MEP port, BT23 + BT28 " + pace + ")"));
        if (mqttUrl != null) s.append("; MQTT ").append(MqttSettings.checkUrl(mqttUrl)).append(" (discovery under ")
                .append(HaDiscovery.PREFIX).append("/)");
        if (httpUrl != null) s.append("; HTTP ").append(httpUrl);
        if (log != null) s.append("; log ").append(log);
        return s.append("; Ctrl-C stops").toString();
    }

    private SampleSink openLog(WatchProgress progress) {
        SampleLog sampleLog;
        try {
            sampleLog = SampleLog.open(log);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, e.getMessage());
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot write the log " + log + ": " + e.getMessage(), e);
        }
        if (sampleLog.repairedPartialLine()) {
            progress.note("the log's last line was cut short (the watcher was killed); it is skipped, new samples start on a new line");
        }
        return new SampleSink() {
            @Override
            public void accept(Sample sample) throws IOException {
                sampleLog.append(sample);
            }
        };
    }

    private Watcher.Connection connect() throws IOException {
        SerialLine line = port.open(opener, LineSettings.MEP);
        RecoveryOptions.Attachment power;
        try {
            line.discardInput();
            power = recovery.attach(line, new LinkCounters(), new SystemProcessLauncher());
        } catch (IOException | RuntimeException e) {
            line.close();
            throw e;
        } catch (InterruptedException e) {
            line.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        MeterClient client = new MeterClient(line, key.key(environment), SystemTicker.INSTANCE,
                recovery.timings(ClientTimings.DEFAULT), power.listener());
        MeterReader reader = new org.mepkit.watch.MepWatchReader(new MeterSession(client));
        return Watcher.Connection.of(reader, () -> {
            try {
                power.close();
            } catch (Exception ignored) {
                // releasing the switch lines of a port that is gone
            }
            line.close();
        });
    }

    /** One C12.18 session per reading (OpticalMeterReader): nothing lingers in the meter between readings. */
    private Watcher.Connection connectOptical(OpticalKey opticalKey, OpticalSettings settings) throws IOException {
        SerialLine line = port.open(opener, LineSettings.MEP);
        try {
            line.discardInput();
        } catch (IOException | RuntimeException e) {
            line.close();
            throw e;
        }
        OpticalLink link = new OpticalLink(line, SystemTicker.INSTANCE, LinkProfile.C1218, new LinkStats());
        return Watcher.Connection.of(new OpticalMeterReader(new C1218Client(link), opticalKey, settings), line::close);
    }

    private MqttSettings mqttSettings() {
        if (mqttUrl == null) {
            if (mqttUser != null || mqttPasswordFile != null) {
                throw new MepException(ExitCodes.USAGE, "--mqtt-user and --mqtt-password-file go with --mqtt");
            }
            return null;
        }
        String url;
        try {
            url = MqttSettings.checkUrl(mqttUrl);
        } catch (IllegalArgumentException e) {
            throw new MepException(ExitCodes.USAGE, "--mqtt: " + e.getMessage());
        }
        char[] password = null;
        if (mqttPasswordFile != null) {
            try {
                String text = new String(UserFiles.read(mqttPasswordFile, UserFiles.SECRET_LIMIT, "password file"), StandardCharsets.UTF_8);
                int end = text.indexOf('\n');
                String first = end < 0 ? text : text.substring(0, end);
                password = (first.endsWith("\r") ? first.substring(0, first.length() - 1) : first).toCharArray();
            } catch (IOException e) {
                throw new MepException(ExitCodes.BAD_INPUT, "--mqtt-password-file " + e.getMessage());
            }
        } else if (environment.get(PASSWORD_ENV) != null) {
            password = environment.get(PASSWORD_ENV).toCharArray();
        }
        if (password != null && mqttUser == null) {
            throw new MepException(ExitCodes.USAGE, "an MQTT password needs --mqtt-user");
        }
        return new MqttSettings(url, mqttUser, password, "mepkit");
    }

    /** {@code PORT} (loopback), {@code ADDR:PORT} or {@code [V6ADDR]:PORT}. */
    static InetSocketAddress httpAddress(String text) {
        String host;
        String portText;
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            host = null;
            portText = text;
        } else {
            host = text.substring(0, colon);
            portText = text.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
            if (host.isEmpty()) host = null;
        }
        int p;
        try {
            p = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new MepException(ExitCodes.USAGE, "--http " + text + ": give PORT or ADDR:PORT, e.g. 127.0.0.1:8080");
        }
        if (p < 0 || p > 65535) throw new MepException(ExitCodes.USAGE, "--http " + text + ": the port must be 0..65535");
        try {
            InetAddress address = host == null ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
            return new InetSocketAddress(address, p);
        } catch (UnknownHostException e) {
            throw new MepException(ExitCodes.USAGE, "--http " + text + ": unknown address " + host);
        }
    }

    private static String hostText(InetSocketAddress a) {
        String h = a.getAddress().getHostAddress();
        return (h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort();
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
    }

    /** What the user sees while it runs: notes on stderr and a status line, or JSON lines on stdout. */
    static final class WatchProgress implements SampleSink, AutoCloseable {
        private final org.mepkit.cli.progress.Progress progress;
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean json;

        WatchProgress(CommandSpec spec, boolean json) {
            this.json = json;
            this.out = spec.commandLine().getOut();
            this.err = spec.commandLine().getErr();
            this.progress = json ? org.mepkit.cli.progress.Progress.OFF : org.mepkit.cli.progress.Progress.stderr(spec, "watch");
        }

        void started(String line) {
            if (json) event("started", Map.of("message", line));
            else {
                out.println(line);
                out.flush();
            }
        }

        synchronized void note(String line) {
            if (json) event("note", Map.of("message", line));
            else say(line);
        }

        void event(WatchEvent e) {
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("message", e.message());
                if (e.retryIn() != null) m.put("retry_in_s", e.retryIn().toMillis() / 1000.0);
                event(e.kind().name().toLowerCase(java.util.Locale.ROOT), m);
            } else {
                say(e.text());
            }
        }

        /** Events are no progress: they are printed whatever the progress mode (the status line is cleared first). */
        private synchronized void say(String line) {
            progress.close();
            err.println("watch: " + line);
            err.flush();
        }

        private synchronized void event(String kind, Map<String, Object> fields) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", kind);
            m.putAll(fields);
            OutputOptions.printJson(out, m);
        }

        @Override
        public void accept(Sample s) {
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("time", s.readAt().toString());
                m.put("sample", s.number());
                m.put("status", s.status());
                if (!s.verdict().reason().isEmpty()) m.put("reason", s.verdict().reason());
                m.putAll(s.values());
                event("sample", m);
                return;
            }
            Map<String, Object> v = s.values();
            progress.update("sample " + s.number() + " " + s.status() + ": Fwd_Act_Wh " + v.get("fwd_act_wh") + " Wh, Rev_Act_Wh "
                    + v.get("rev_act_wh") + " Wh, Fwd_W " + v.getOrDefault("fwd_w", "-") + " W, Rev_W "
                    + v.getOrDefault("rev_w", "-") + " W");
        }

        @Override
        public void close() {
            progress.close();
        }
    }
}
