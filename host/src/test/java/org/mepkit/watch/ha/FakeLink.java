package org.mepkit.watch.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.mepkit.mqtt.MqttLink;
import org.mepkit.mqtt.MqttLinkException;
import org.mepkit.mqtt.Publication;
import org.mepkit.time.ManualTicker;

/** A broker that records what is published and can be switched off; connect attempts are counted with their time. */
final class FakeLink implements MqttLink {

    final List<Publication> published = new ArrayList<>();
    final List<Long> attempts = new ArrayList<>();
    final ManualTicker clock;
    boolean up = true;
    boolean connected;
    Publication will;
    BiConsumer<String, String> onMessage;

    FakeLink(ManualTicker clock) {
        this.clock = clock;
    }

    @Override
    public void connect(Publication will, List<String> subscriptions, BiConsumer<String, String> onMessage)
            throws MqttLinkException {
        attempts.add(clock.nanoTime());
        if (!up) throw new MqttLinkException("cannot connect to the broker", false, null);
        this.will = will;
        this.onMessage = onMessage;
        connected = true;
    }

    @Override public boolean isConnected() { return connected; }

    @Override
    public void publish(Publication message) throws MqttLinkException {
        if (!connected) throw new MqttLinkException("not connected", false, null);
        published.add(message);
    }

    /** The broker goes away: the will would fire, the connection is gone. */
    void drop() {
        connected = false;
        up = false;
    }

    List<String> topics() {
        return published.stream().map(Publication::topic).toList();
    }

    @Override public void disconnect() { connected = false; }
    @Override public String describe() { return "tcp://fake:1883"; }
    @Override public void close() { connected = false; }
}
