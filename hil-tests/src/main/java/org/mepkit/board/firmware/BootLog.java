package org.mepkit.board.firmware;

/**
 * What the firmware prints while it boots (board-firmware-behaviour.md §3): its stored configuration,
 * secrets included as the real firmware does (NES-MEP-UI.ino:145-157), then how Wi-Fi came up.
 */
final class BootLog {

    private BootLog() {
    }

    static void printConfiguration(BoardIo io, FirmwareConfig config) {
        io.println(config.preferencesValid() ? "Preferences are valid" : "Preferences initialized");
        io.println("wifi_ssid: '" + config.wifiSsid() + "'");
        io.println("wifi_pwd: '" + config.wifiPassword() + "'");
        io.println("user_login: '" + config.userLogin() + "'");
        io.println("user_pwd: '" + config.userPassword() + "'");
        io.println("mep_key: '" + config.mepKey() + "'");
        io.println("mqtt_enable: " + (config.mqttEnable() ? 1 : 0));
        io.println("mqtt_server: " + config.mqttServer());
        io.println("mqtt_user: " + config.mqttUser());
        io.println("mqtt_pw: " + config.mqttPassword());
        io.println("");
    }

    /** setup() prints a dot after every 500 ms {@code delay()} while the station connects (NES-MEP-UI.ino:162). */
    static final long WIFI_DOT_MS = 500;
    /** It gives up and opens its access point once more than 30 s have passed (NES-MEP-UI.ino:165). */
    static final long WIFI_TIMEOUT_MS = 30_000;

    /** The access-point fallback, printed straight after the last dot (NES-MEP-UI.ino:166-172). */
    static void printAccessPoint(BoardIo io) {
        io.println("Setting up AP (Access Point) esp32-mep");
        io.println("AP IP address: 192.168.4.1");
    }

    /** The station is connected (NES-MEP-UI.ino:179-187); the bench's loopback network stands in for the LAN. */
    static void printConnected(BoardIo io, FirmwareConfig config) {
        io.println("");
        io.println("Connected to " + config.wifiSsid());
        io.println("IP address: 127.0.0.1");
    }
}
