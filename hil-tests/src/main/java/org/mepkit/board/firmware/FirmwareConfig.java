package org.mepkit.board.firmware;

/**
 * The Preferences (NVS namespace {@code esp32-mep}) a firmware model boots with, already
 * truncated to the firmware's RAM buffers (board-firmware-behaviour.md §5).
 * {@code toString()} never shows the secrets.
 */
public record FirmwareConfig(boolean preferencesValid, String wifiSsid, String wifiPassword, String userLogin,
                             String userPassword, String mepKey, boolean mqttEnable, String mqttTopic,
                             String mqttServer, String mqttUser, String mqttPassword) {

    public static final String FACTORY_KEY = "00000000000000000000";

    public FirmwareConfig {
        wifiSsid = cut(wifiSsid, 32);
        wifiPassword = cut(wifiPassword, 64);
        userLogin = cut(userLogin, 32);
        userPassword = cut(userPassword, 64);
        mepKey = mepKey == null || mepKey.isEmpty() ? FACTORY_KEY : cut(mepKey, 20);
        mqttTopic = cut(mqttTopic, 24);
        mqttServer = cut(mqttServer, 14);
        mqttUser = cut(mqttUser, 32);
        mqttPassword = cut(mqttPassword, 64);
    }

    /** What a board with an erased NVS partition boots with ("Preferences initialized"). */
    public static FirmwareConfig factory() {
        return new FirmwareConfig(false, "", "", "mep", "", "0000000000000000000000000000000000000000",
                false, "", "", "", "");
    }

    /** A provisioned board: Wi-Fi and MEP key set, MQTT off. */
    public static FirmwareConfig provisioned(String ssid, String wifiPassword, String mepKey) {
        return new FirmwareConfig(true, ssid, wifiPassword, "mep", "", mepKey, false, "", "", "", "");
    }

    public boolean mepDisabled() {
        return FACTORY_KEY.equals(mepKey);
    }

    /** The values a bench must redact from captured logs. */
    public java.util.List<String> secrets() {
        return java.util.stream.Stream.of(wifiPassword, userPassword, mepKey, mqttPassword)
                .filter(s -> s != null && !s.isEmpty()).toList();
    }

    private static String cut(String s, int max) {
        if (s == null) return "";
        return s.length() > max ? s.substring(0, max) : s;
    }

    @Override
    public String toString() {
        return "FirmwareConfig[ssid=" + wifiSsid + ", userLogin=" + userLogin + ", mqtt=" + mqttEnable
                + ", secrets redacted]";
    }
}
