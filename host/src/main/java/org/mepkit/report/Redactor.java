package org.mepkit.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is printed, logged or stored. Two rules: the ESP32-MEP
 * firmware's boot lines that print a secret in clear ({@code wifi_pwd: '...'}, {@code user_pwd: '...'},
 * {@code mep_key: '...'}, {@code mqtt_pw: ...}; board-firmware-behaviour §1, §3) get their value
 * replaced by {@link #MARKER}; and every occurrence of a known secret value is replaced anywhere.
 * Immutable; {@link #withSecrets} returns a new instance.
 */
public final class Redactor {

    /** What a secret is replaced by, always the same so output does not leak its length. */
    public static final String MARKER = "***";

    /** Setting and log names whose values are secret (NVS keys and the firmware's log labels). */
    public static final Set<String> SECRET_KEYS = Set.of("wifi_password", "user_password", "mep_key", "mqtt_password",
            "wifi_pwd", "user_pwd", "mqtt_pw");

    private static final Pattern QUOTED_LINE = Pattern.compile("(?m)^(\\s*(?:wifi_pwd|user_pwd|mep_key): ')(.*)('[ \\t]*\\r?)$");
    private static final Pattern MQTT_LINE = Pattern.compile("(?m)^(\\s*mqtt_pw: )(.*?)([ \\t]*\\r?)$");

    private static final Redactor FIRMWARE = new Redactor(List.of());

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    /** Redacts the firmware's secret log lines; add known values with {@link #withSecrets}. */
    public static Redactor firmware() {
        return FIRMWARE;
    }

    /** A redactor that also hides these values wherever they occur (empty values are ignored). */
    public Redactor withSecrets(Collection<String> values) {
        List<String> all = new ArrayList<>(secrets);
        for (String v : values) if (v != null && !v.isEmpty() && !all.contains(v)) all.add(v);
        all.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no partial leaks
        return new Redactor(List.copyOf(all));
    }

    public static boolean isSecretKey(String key) {
        return SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    /** The value to show for a setting: {@link #MARKER} when the key is secret, the value otherwise. */
    public static String displayValue(String key, String value) {
        return isSecretKey(key) ? MARKER : value;
    }

    public String redact(String text) {
        String out = replaceGroup2(QUOTED_LINE.matcher(text));
        out = replaceGroup2(MQTT_LINE.matcher(out));
        for (String s : secrets) out = out.replace(s, MARKER);
        return out;
    }

    private static String replaceGroup2(Matcher m) {
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + MARKER + m.group(3)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
