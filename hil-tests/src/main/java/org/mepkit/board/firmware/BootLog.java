package org.mepkit.board.firmware;

/**
 * What the firmware prints while it boots (board-firmware-behaviour.md §3): its stored configuration,
 * secrets included as the real firmware does, then how Wi-Fi came up.
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

    /** After the one 500 ms Wi-Fi dot: the access-point fallback for an empty SSID, else "connected"; then mDNS. */
    static void printNetwork(BoardIo io, FirmwareConfig config) {
        io.print(".");
        if (config.wifiSsid().isEmpty()) {
            io.println("Setting up AP (Access Point) esp32-mep");
            io.println("AP IP address: 192.168.4.1");
        } else {
            io.println("");
            io.println("Connected to " + config.wifiSsid());
            io.println("IP address: 127.0.0.1");
        }
        io.println("mDNS responder started");
    }
}
