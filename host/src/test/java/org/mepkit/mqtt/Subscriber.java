package org.mepkit.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A test's MQTT client: records every message on the topics it subscribed to, and can publish (Home Assistant's birth). */
public final class Subscriber implements AutoCloseable {

    /** One message as received. */
    public record Received(String topic, String payload, boolean retained) { }

    private final MqttClient client;
    private final List<Received> received = new ArrayList<>();

    public Subscriber(String url, String... topics) throws MqttException {
        this(url, null, null, topics);
    }

    /** A subscriber that logs in. */
    public static Subscriber withUser(String url, String user, String password, String... topics) throws MqttException {
        return new Subscriber(url, user, password, topics);
    }

    private Subscriber(String url, String user, String password, String[] topics) throws MqttException {
        client = new MqttClient(url, "test-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override public void connectionLost(Throwable cause) { }
            @Override public void messageArrived(String topic, MqttMessage m) {
                synchronized (received) {
                    received.add(new Received(topic, new String(m.getPayload(), StandardCharsets.UTF_8), m.isRetained()));
                    received.notifyAll();
                }
            }
            @Override public void deliveryComplete(IMqttDeliveryToken token) { }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        if (user != null) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        client.connect(o);
        for (String t : topics) client.subscribe(t, 1);
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    /** Waits (bounded) for a message matching {@code wanted} and returns it. */
    public Received await(String what, Predicate<Received> wanted, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        synchronized (received) {
            while (true) {
                for (Received r : received) if (wanted.test(r)) return r;
                long left = end - System.nanoTime();
                if (left <= 0) throw new AssertionError("no " + what + " within " + bound.toSeconds() + " s; got " + topics());
                received.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private List<String> topics() {
        return received.stream().map(r -> r.topic() + "=" + (r.payload().length() > 40 ? r.payload().substring(0, 40) + "..." : r.payload())).toList();
    }

    public void publish(String topic, String payload, boolean retained) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) client.disconnect();
        client.close();
    }
}
