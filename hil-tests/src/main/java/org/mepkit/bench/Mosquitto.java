package org.mepkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real MQTT broker for the bench: Debian's {@code mosquitto} on 127.0.0.1 and a free port, with a
 * {@code mosquitto_sub} recording every message under a topic. Both are stopped by their PIDs on close.
 */
public final class Mosquitto implements AutoCloseable {

    /** One message as {@code mosquitto_sub -v} prints it. */
    public record Message(String topic, String payload) {
    }

    private final Process broker;
    private final Process subscriber;
    private final int port;
    private final Path dir;
    private final List<Message> messages = new ArrayList<>();

    private Mosquitto(Process broker, Process subscriber, int port, Path dir) {
        this.broker = broker;
        this.subscriber = subscriber;
        this.port = port;
        this.dir = dir;
        Thread t = new Thread(this::read, "bench-mosquitto-sub");
        t.setDaemon(true);
        t.start();
    }

    /** The broker binary, if installed (test-all installs mosquitto and mosquitto-clients). */
    public static Optional<Path> binary() {
        for (String p : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
            if (Files.isExecutable(Path.of(p))) return Optional.of(Path.of(p));
        }
        return Optional.empty();
    }

    public static boolean clientsInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/mosquitto_sub"));
    }

    /** Starts the broker on a free loopback port and a subscriber to {@code topicFilter}; both ready on return. */
    public static Mosquitto start(String topicFilter) throws IOException, InterruptedException {
        Path bin = binary().orElseThrow(() -> new IOException("mosquitto is not installed"));
        Path dir = Files.createTempDirectory("mep-mosquitto-");
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path conf = Files.writeString(dir.resolve("mosquitto.conf"),
                "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        Process broker = new ProcessBuilder(bin.toString(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("broker.log").toFile()).start();
        long end = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                break;
            } catch (IOException e) {
                if (!broker.isAlive() || System.nanoTime() > end) {
                    broker.destroy();
                    throw new IOException("mosquitto did not start on 127.0.0.1:" + port + " (log: " + dir.resolve("broker.log") + ")");
                }
                Thread.sleep(50);
            }
        }
        Process sub = new ProcessBuilder("/usr/bin/mosquitto_sub", "-h", "127.0.0.1", "-p", Integer.toString(port), "-v",
                "-t", topicFilter).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Mosquitto m = new Mosquitto(broker, sub, port, dir);
        Thread.sleep(300); // the subscription is in place before anyone publishes
        return m;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(subscriber.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                int sp = line.indexOf(' ');
                synchronized (this) {
                    messages.add(sp < 0 ? new Message(line, "") : new Message(line.substring(0, sp), line.substring(sp + 1)));
                }
            }
        } catch (IOException e) {
            // the subscriber was stopped
        }
    }

    @Override
    public void close() {
        for (Process p : new Process[] {subscriber, broker}) {
            ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroy);
            try {
                p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
