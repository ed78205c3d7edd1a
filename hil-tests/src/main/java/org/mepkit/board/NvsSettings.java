package org.mepkit.board;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.mepkit.board.firmware.FirmwareConfig;
import org.mepkit.esp.nvs.FirmwareNvs;
import org.mepkit.esp.nvs.NvsEntry;
import org.mepkit.esp.nvs.NvsException;
import org.mepkit.esp.nvs.NvsReader;
import org.mepkit.esp.nvs.NvsValue;

/**
 * The firmware's Preferences read from an NVS partition image with the flasher's reader:
 * empty when the marker key {@code esp32-mep} is missing or wrong (the firmware then erases the
 * partition and starts from defaults).
 */
final class NvsSettings {

    private NvsSettings() {
    }

    static Optional<FirmwareConfig> read(byte[] partition) {
        Map<String, String> v = new HashMap<>();
        try {
            for (NvsEntry e : NvsReader.read(partition).namespace(FirmwareNvs.NAMESPACE)) {
                if (e.value() instanceof NvsValue.Str s) v.put(e.key(), s.value());
                else if (e.value() instanceof NvsValue.Int i) v.put(e.key(), Long.toString(i.value()));
            }
        } catch (NvsException e) {
            return Optional.empty();
        }
        if (!FirmwareNvs.MARKER_VALUE.equals(v.get(FirmwareNvs.MARKER_KEY))) return Optional.empty();
        return Optional.of(new FirmwareConfig(true, v.getOrDefault("wifi_ssid", ""), v.getOrDefault("wifi_password", ""),
                v.getOrDefault("user_login", "mep"), v.getOrDefault("user_password", ""),
                v.getOrDefault("mep_key", "0000000000000000000000000000000000000000"),
                "1".equals(v.get("mqtt_enable")), v.getOrDefault("mqtt_topic", ""), v.getOrDefault("mqtt_server", ""),
                v.getOrDefault("mqtt_user", ""), v.getOrDefault("mqtt_password", "")));
    }
}
