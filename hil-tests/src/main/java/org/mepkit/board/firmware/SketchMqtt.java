package org.mepkit.board.firmware;

/**
 * The sketch's MQTT part (NES-MEP-UI.ino:247-285 in loop(), MqttSetup/MqttConnect/MqttReadSendSensorData at
 * :435-579): one connect attempt at the end of setup; then on every loop pass the library's {@code loop()}, and when
 * more than 10 s have passed since the last publish round either a reconnect followed by a blocking
 * {@code delay(500)} (the timer is not reset, so with the broker down this happens on every pass) or the five
 * publishes. Port 1883, client id {@code ESP32-MEP-Dabbler}, last will {@code <topic>/lwt} = {@code Offline}
 * (retained), {@code Online} published retained after connecting. Numbers are printed as unsigned 32-bit.
 */
final class SketchMqtt {

    static final int PORT = 1883;
    static final String CLIENT_ID = "ESP32-MEP-Dabbler";
    static final long PUBLISH_INTERVAL_MS = 10_000;
    static final long RECONNECT_DELAY_MS = 500;

    private final BoardIo io;
    private final FirmwareConfig config;
    private final DashData dash;
    private final PubSubClient client;
    private long lastSentMs;
    private String stateText = "";

    SketchMqtt(BoardIo io, FirmwareConfig config, DashData dash, PubSubClient.LongClock clock) {
        this.io = io;
        this.config = config;
        this.dash = dash;
        this.client = new PubSubClient(io, clock);
    }

    /** MqttSetup(), NES-MEP-UI.ino:435. */
    void setup() {
        client.setServer(config.mqttServer(), PORT);
        connect();
    }

    /**
     * The MQTT block of one loop pass (NES-MEP-UI.ino:247-285).
     *
     * @return the board milliseconds the pass now blocks in {@code delay()}, 0 for none
     */
    long pass(long nowMs) {
        client.loop();
        if (nowMs - lastSentMs <= PUBLISH_INTERVAL_MS) return 0;
        stateText = text(client.state());
        if (!client.connected()) {
            connect();
            return RECONNECT_DELAY_MS;
        }
        publishAll();
        lastSentMs = nowMs;
        return 0;
    }

    /** MqttConnect(), NES-MEP-UI.ino:441-473. */
    private void connect() {
        if (client.connected()) return;
        io.println("Reconnecting to MQTT broker... mqtt_user: '" + config.mqttUser() + "'");
        String user = config.mqttUser().trim();
        String willTopic = config.mqttTopic() + "/lwt";
        boolean ok;
        if (user.isEmpty()) {
            io.println("mqtt connect without credentials");
            ok = client.connect(CLIENT_ID, null, null, willTopic, 0, true, "Offline");
        } else {
            io.println("mqtt connect with credentials");
            ok = client.connect(CLIENT_ID, config.mqttUser(), config.mqttPassword(), willTopic, 0, true, "Offline");
        }
        if (ok) {
            io.println("connected............ OK!");
            client.publish(willTopic, "Online", true);
        } else {
            io.println("failed, rc=" + client.state() + stateText + " trying again in next loop");
        }
    }

    /** MqttReadSendSensorData(), NES-MEP-UI.ino:475-579. */
    private void publishAll() {
        String t = config.mqttTopic();
        io.println("Is connected to mqtt: " + (client.connected() ? 1 : 0));
        String sensors = "{\"L1_RMS_A\":" + u(4) + ",\"L2_RMS_A\":" + u(5) + ",\"L3_RMS_A\":" + u(6)
                + ",\"L1_RMS_V\":" + u(7) + ",\"L2_RMS_V\":" + u(8) + ",\"L3_RMS_V\":" + u(9)
                + ",\"L1_PF_Fac\":" + u(10) + ",\"L2_PF_Fac\":" + u(13) + ",\"L3_PF_Fac\":" + u(14)
                + ",\"ExportReactive_VAr\":" + u(3) + ",\"ImportReactive_VAr\":" + u(2) + "}";
        io.println("Is connected to mqtt: " + (client.connected() ? 1 : 0));
        publish(t + "/sensors/mydatajson", sensors);
        publish(t + "/meterConsumptionTotal/mydatajson", "{\"Fwd_Act_Wh\":" + dash.fwdActWh + ",\"Rev_Act_Wh\":" + dash.revActWh + "}");
        publish(t + "/meterConsumptionFwd/mydatajson", "{\"Fwd_W\":" + u(0) + ",\"Fwd_Avg_W\":" + u(47) + ",\"L1_Fwd_W\":" + u(26)
                + ",\"L2_Fwd_W\":" + u(27) + ",\"L3_Fwd_W\":" + u(28) + ",\"L1_Fwd_Avg_W\":" + u(49) + ",\"L2_Fwd_Avg_W\":" + u(50)
                + ",\"L3_Fwd_Avg_W\":" + u(51) + "}");
        publish(t + "/meterConsumptionRev/mydatajson", "{\"Rev_W\":" + u(1) + ",\"Rev_Avg_W\":" + u(48) + ",\"L1_Rev_W\":" + u(29)
                + ",\"L2_Rev_W\":" + u(30) + ",\"L3_Rev_W\":" + u(31) + ",\"L1_Rev_Avg_W\":" + u(52) + ",\"L2_Rev_Avg_W\":" + u(53)
                + ",\"L3_Rev_Avg_W\":" + u(54) + "}");
        publish(t + "/frequency/mydatajson", "{\"Freq_mHz\":" + u(11) + "}");
    }

    private void publish(String topic, String payload) {
        io.println("mqtt data ");
        io.println("topic: " + topic);
        io.println("payload: " + payload);
        io.println(client.publish(topic, payload, false) ? "Sent OK" : "Sent NOK");
    }

    private long u(int present) {
        return dash.present[present] & 0xFFFFFFFFL;
    }

    static String text(int state) {
        return switch (state) {
            case 0 -> "Connected";
            case 1 -> "Wrong MQTT protocol version";
            case 2 -> "Bad client ID";
            case 3 -> "Server cant accept connection";
            case 4 -> "User/pass rejected";
            case 5 -> "Not authed";
            case -4 -> "Server not responding";
            case -3 -> "Connection broken";
            case -2 -> "Network failed";
            case -1 -> "Disconnected cleanly";
            default -> "Hakuna?";
        };
    }
}
