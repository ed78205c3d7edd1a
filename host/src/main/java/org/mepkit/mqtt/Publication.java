package org.mepkit.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One MQTT message to send: topic, UTF-8 payload, QoS, retained flag. */
public record Publication(String topic, String payload, int qos, boolean retained) {

    public Publication {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        if (qos < 0 || qos > 2) throw new IllegalArgumentException("QoS is 0, 1 or 2: " + qos);
    }

    public byte[] bytes() {
        return payload.getBytes(StandardCharsets.UTF_8);
    }
}
