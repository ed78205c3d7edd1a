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
                if (s.key().equals("mep_key")) checkKey(value);
                entries.add(NvsEntry.string(NAMESPACE, s.key(), value));
            }
        }
        return entries;
    }

    /** The key is checked as {@code mep read} checks {@code --key}: a key read would refuse is never provisioned. */
    private static void checkKey(String value) {
        try {
            org.mepkit.mep.key.MbkKey.of(value);
        } catch (org.mepkit.mep.key.InvalidKeyException e) {
            throw new NvsException(NvsException.Reason.BAD_VALUE, "mep_key: " + e.getMessage());
        }
    }

    /**
     * What an NVS image holds for the firmware, checked against its contract: the keys of namespace
     * {@link #NAMESPACE} really in the image (in write order), the reasons the firmware would not use it as
     * written ({@code problems}: no marker, so it erases the partition at boot; a key of the wrong type, which
     * it reads as missing; a value longer than its buffer, which it cuts), and things worth knowing that do
     * no harm ({@code notes}: keys it never reads, other namespaces).
     */
    public record ContractCheck(List<String> keys, List<String> problems, List<String> notes) {
        public ContractCheck {
            keys = List.copyOf(keys);
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        public boolean followsContract() {
            return problems.isEmpty();
        }
    }

    /** Checks what was read from an NVS image against the firmware contract (no value is ever in a message). */
    public static ContractCheck check(NvsReader.Contents contents) {
        List<String> keys = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        java.util.Set<String> others = new java.util.LinkedHashSet<>();
        NvsEntry marker = null;
        for (NvsEntry e : contents.entries()) {
            if (!e.namespace().equals(NAMESPACE)) {
                others.add(e.namespace());
                continue;
            }
            keys.add(e.key());
            if (e.key().equals(MARKER_KEY)) {
                marker = e;
                continue;
            }
            Optional<Setting> s = setting(e.key());
            if (s.isEmpty()) {
                notes.add("key '" + e.key() + "' is not one the firmware reads");
                continue;
            }
            NvsType type = e.value().type();
            if (s.get().kind() == Kind.BOOL && type != NvsType.U8) {
                problems.add(e.key() + " is stored as " + typeName(type) + "; the firmware reads a bool (u8) and would see it missing");
            } else if (s.get().kind() == Kind.STRING && type != NvsType.STR) {
                problems.add(e.key() + " is stored as " + typeName(type) + "; the firmware reads a string and would see it missing");
            } else if (s.get().kind() == Kind.STRING) {
                int bytes = ((NvsValue.Str) e.value()).value().getBytes(StandardCharsets.UTF_8).length;
                if (bytes > s.get().maxChars()) {
                    problems.add(e.key() + " is " + bytes + " bytes; the firmware keeps at most " + s.get().maxChars() + " and cuts the rest");
                }
            }
        }
        if (keys.isEmpty()) {
            problems.add("no namespace '" + NAMESPACE + "' (the firmware's settings)");
        } else if (marker == null) {
            problems.add("no marker key '" + MARKER_KEY + "': without it the firmware erases the whole NVS partition at boot");
        } else if (!(marker.value() instanceof NvsValue.Str m) || !m.value().equals(MARKER_VALUE)) {
            problems.add("marker key '" + MARKER_KEY + "' does not hold the string '" + MARKER_VALUE
                    + "': the firmware erases the whole NVS partition at boot");
        }
        if (!others.isEmpty()) notes.add("other namespaces: " + String.join(", ", others));
        return new ContractCheck(keys, problems, notes);
    }

    private static String typeName(NvsType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static boolean parseBool(String key, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1": case "true": case "yes": case "on": return true;
            case "0": case "false": case "no": case "off": return false;
            default: throw new NvsException(NvsException.Reason.BAD_VALUE, key + " must be true/false or 1/0");
        }
    }
}
