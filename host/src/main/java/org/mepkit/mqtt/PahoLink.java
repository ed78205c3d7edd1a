package org.mepkit.mqtt;

import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * {@link MqttLink} on Eclipse Paho's MQTT 3.1.1 client (one small jar without dependencies): clean session,
 * messages kept in memory only (Paho's default would write files into the working directory), Paho's own
 * reconnect off, keep-alive 30 s so a broker that vanished is noticed within about a minute.
 */
public final class PahoLink implements MqttLink {

    static final int KEEP_ALIVE_S = 30;
    static final int CONNECT_TIMEOUT_S = 5;
    static final long PUBLISH_WAIT_MS = 5_000;

    private final MqttSettings settings;
    private final MqttClient client;

    public PahoLink(MqttSettings settings) throws MqttLinkException {
        this.settings = settings;
        try {
            client = new MqttClient(settings.url(), settings.clientId(), new MemoryPersistence());
            client.setTimeToWait(PUBLISH_WAIT_MS);
        } catch (MqttException | IllegalArgumentException e) {
            throw new MqttLinkException("cannot use the broker " + settings.url() + ": " + e.getMessage(), false, e);
        }
    }

    @Override
    public void connect(Publication will, List<String> subscriptions, BiConsumer<String, String> onMessage)
            throws MqttLinkException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(KEEP_ALIVE_S);
        options.setConnectionTimeout(CONNECT_TIMEOUT_S);
        options.setWill(will.topic(), will.bytes(), will.qos(), will.retained());
        if (settings.user() != null) options.setUserName(settings.user());
        if (settings.password() != null) options.setPassword(settings.password());
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // isConnected() turns false; the publisher reconnects on its own clock
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                onMessage.accept(topic, new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        try {
            client.connect(options);
            for (String topic : subscriptions) client.subscribe(topic, 1);
        } catch (MqttException e) {
            boolean auth = e.getReasonCode() == MqttException.REASON_CODE_FAILED_AUTHENTICATION
                    || e.getReasonCode() == MqttException.REASON_CODE_NOT_AUTHORIZED;
            closeQuietly();
            throw new MqttLinkException(reason(e), auth, e);
        }
    }

    private void closeQuietly() {
        try {
            if (client.isConnected()) client.disconnectForcibly(0, 1000);
        } catch (MqttException ignored) {
            // already gone
        }
    }

    private String reason(MqttException e) {
        String what = switch (e.getReasonCode()) {
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION -> "the broker refused the user name or password";
            case MqttException.REASON_CODE_NOT_AUTHORIZED -> "the broker says we are not authorized";
            case MqttException.REASON_CODE_SERVER_CONNECT_ERROR -> "cannot connect to the broker";
            case MqttException.REASON_CODE_CLIENT_TIMEOUT -> "the broker did not answer in time";
            case MqttException.REASON_CODE_CONNECTION_LOST -> "the connection to the broker was lost";
            default -> e.getMessage() == null ? "MQTT error " + e.getReasonCode() : e.getMessage();
        };
        Throwable cause = e.getCause();
        return what + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "");
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void publish(Publication message) throws MqttLinkException {
        try {
            client.publish(message.topic(), message.bytes(), message.qos(), message.retained());
        } catch (MqttException e) {
            throw new MqttLinkException(reason(e), false, e);
        }
    }

    @Override
    public void disconnect() {
        try {
            if (client.isConnected()) client.disconnect(2_000);
        } catch (MqttException e) {
            closeQuietly();
        }
    }

    @Override
    public String describe() {
        return settings.url();
    }

    @Override
    public void close() {
        disconnect();
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // closing anyway
        }
    }
}
