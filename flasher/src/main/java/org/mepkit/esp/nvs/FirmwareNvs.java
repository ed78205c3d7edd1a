package org.mepkit.esp.nvs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mepkit.spec.BoardRegistry;
import org.mepkit.spec.NvsKey;
import org.mepkit.spec.NvsSpec;

/**
 * The ESP32-MEP firmware's configuration in NVS (board-firmware-behaviour §5): namespace
 * {@code esp32-mep}, the validity marker (key {@code esp32-mep} = "esp32-mep", without which the
 * firmware erases the whole partition) and the keys it reads, with the longest value its RAM
 * buffers keep (from firmware-spec's NvsSpec). Longer values would be cut at the next boot, so they are refused here.
 */
public final class FirmwareNvs {

    public static final String NAMESPACE = "esp32-mep";
    public static final String MARKER_KEY = "esp32-mep";
    public static final String MARKER_VALUE = "esp32-mep";

    public enum Kind { STRING, BOOL }

    /** One key the firmware reads. {@code maxChars} is the usable length of its RAM buffer. */
    public record Setting(String key, Kind kind, int maxChars, boolean secret) {
    }

    /** The keys, in the order of firmware-spec's {@code nvs-esp32-mep.json} (the same for every ESP32-MEP board). */
    public static final List<Setting> SETTINGS = fromSpec(BoardRegistry.load().require("esp32-mep-v1.10").nvs());

    static List<Setting> fromSpec(NvsSpec spec) {
        if (!spec.namespace().equals(NAMESPACE) || !spec.markerKey().equals(MARKER_KEY) || !spec.markerValue().equals(MARKER_VALUE)) {
            throw new IllegalStateException("firmware-spec NVS namespace/marker differ from " + NAMESPACE);
        }
        return spec.keys().stream().map(k -> new Setting(k.name(),
                k.type() == NvsKey.Type.BOOL ? Kind.BOOL : Kind.STRING,
                k.maxLength() == null ? 0 : k.maxLength(), k.secret())).toList();
    }

    private FirmwareNvs() {
    }

    public static Optional<Setting> setting(String key) {
        return SETTINGS.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public static boolean isSecret(String key) {
        return setting(key).map(Setting::secret).orElse(false);
    }

    /**
     * The NVS entries for these settings (marker first, then the keys in {@link #SETTINGS} order).
     * Unknown keys, over-long strings and non-boolean {@code mqtt_enable} are refused; the message
     * never contains the value, which may be a secret.
     */
    public static List<NvsEntry> entries(Map<String, String> values) {
        for (String key : values.keySet()) {
            if (setting(key).isEmpty()) {
                throw new NvsException(NvsException.Reason.UNKNOWN_KEY, "unknown setting '" + key + "' (known: "
                        + String.join(", ", SETTINGS.stream().map(Setting::key).toList()) + ")");
            }
        }
        List<NvsEntry> entries = new ArrayList<>();
        entries.add(NvsEntry.string(NAMESPACE, MARKER_KEY, MARKER_VALUE));
        for (Setting s : SETTINGS) {
            String value = values.get(s.key());
            if (value == null) continue;
            if (s.kind() == Kind.BOOL) {
                entries.add(NvsEntry.u8(NAMESPACE, s.key(), parseBool(s.key(), value) ? 1 : 0));
            } else {
                int chars = value.getBytes(StandardCharsets.UTF_8).length;
                if (chars > s.maxChars()) {
                    throw new NvsException(NvsException.Reason.VALUE_TOO_LONG, s.key() + " is " + chars
                            + " bytes; the firmware keeps at most " + s.maxChars());
                }
                entries.add(NvsEntry.string(NAMESPACE, s.key(), value));
            }
        }
        return entries;
    }

    private static boolean parseBool(String key, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1": case "true": case "yes": case "on": return true;
            case "0": case "false": case "no": case "off": return false;
            default: throw new NvsException(NvsException.Reason.BAD_VALUE, key + " must be true/false or 1/0");
        }
    }
}
