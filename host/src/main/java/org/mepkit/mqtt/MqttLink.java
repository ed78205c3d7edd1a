package org.mepkit.mqtt;

import java.util.function.BiConsumer;

/**
 * The seam to an MQTT broker: connect with a last will, publish, hear the topics subscribed to. The real one
 * is {@link PahoLink}; tests of the publishing logic use a recording fake. Reconnecting is the caller's
 * business (on its {@link org.mepkit.time.Ticker}), so a link never retries by itself.
 */
public interface MqttLink extends AutoCloseable {

    /**
     * Connects (blocking, bounded by the link's connect timeout) with {@code will} as the last will and
     * subscribes to {@code subscriptions}; messages arriving on them go to {@code onMessage} (topic, payload)
     * on the link's own thread, which must not block.
     */
    void connect(Publication will, java.util.List<String> subscriptions, BiConsumer<String, String> onMessage)
            throws MqttLinkException;

    boolean isConnected();

    void publish(Publication message) throws MqttLinkException;

    /** Disconnects cleanly (no last will); harmless when not connected. */
    void disconnect();

    /** The broker as given, without credentials (for messages). */
    String describe();

    @Override
    void close();
}
