package org.mepkit.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mepkit.util.Children;
import org.mepkit.util.Processes;
import org.mepkit.util.Scratch;

/**
 * A real MQTT broker for the bench ({@link org.mepkit.mqtt.Mosquitto}: Debian's {@code mosquitto} on 127.0.0.1
 * and a free port) with a {@code mosquitto_sub} recording every message under a topic. Both are stopped by their
 * PIDs on close, and the broker's folder is removed.
 */
public final class Mosquitto implements AutoCloseable {

    /** One message as {@code mosquitto_sub -v} prints it. */
    public record Message(String topic, String payload) {
    }

    private final Scratch scratch;
    private final org.mepkit.mqtt.Mosquitto broker;
    private final Process subscriber;
    private final List<Message> messages = new ArrayList<>();

    private Mosquitto(Scratch scratch, org.mepkit.mqtt.Mosquitto broker, Process subscriber) {
        this.scratch = scratch;
        this.broker = broker;
        this.subscriber = subscriber;
        Thread t = new Thread(this::read, "bench-mosquitto-sub");
        t.setDaemon(true);
        t.start();
    }

    /** The broker binary, if installed (test-all installs mosquitto and mosquitto-clients). */
    public static Optional<Path> binary() {
        return Optional.ofNullable(org.mepkit.mqtt.Mosquitto.binary());
    }

    public static boolean clientsInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/mosquitto_sub"));
    }

    /** Starts the broker on a free loopback port and a subscriber to {@code topicFilter}; both ready on return. */
    public static Mosquitto start(String topicFilter) throws IOException, InterruptedException {
        Scratch scratch = Scratch.create("mosquitto");
        try {
            org.mepkit.mqtt.Mosquitto broker = org.mepkit.mqtt.Mosquitto.start(scratch.dir());
            Process sub;
            try {
                sub = Children.start(new ProcessBuilder("/usr/bin/mosquitto_sub", "-h", "127.0.0.1", "-p",
                        Integer.toString(broker.port()), "-v", "-t", topicFilter).redirectError(ProcessBuilder.Redirect.DISCARD));
            } catch (IOException e) {
                broker.close();
                throw e;
            }
            Mosquitto m = new Mosquitto(scratch, broker, sub);
            Thread.sleep(300); // the subscription is in place before anyone publishes
            return m;
        } catch (IOException | InterruptedException | RuntimeException e) {
            scratch.close();
            throw e;
        }
    }

    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", broker.port());
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
        Processes.stop(subscriber);
        try {
            broker.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            scratch.close();
        }
    }
}
