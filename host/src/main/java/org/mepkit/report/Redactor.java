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
 * Removes secrets from text before it is printed, logged or stored. Two rules: wherever a secret setting's name or
 * the firmware's log label for it ({@link #SECRET_KEYS}: {@code wifi_pwd: '...'}, {@code mep_key: '...'},
 * {@code mqtt_pw: ...}; board-firmware-behaviour §1, §3) is followed by {@code :} or {@code =}, what follows is
 * replaced by {@link #MARKER}, whatever comes before it on the line (a log prefix such as {@code [E][WiFi]}); and
 * every occurrence of a known secret value is replaced anywhere. A quoted value is hidden up to the line's last
 * matching quote (a value may contain a quote), an unclosed or unquoted one up to the end of the line: text after a
 * secret whose end cannot be told is hidden with it. Immutable; {@link #withSecrets} returns a new instance.
 */
public final class Redactor {

    /** What a secret is replaced by, always the same so output does not leak its length. */
    public static final String MARKER = "***";

    /** Setting and log names whose values are secret (NVS keys and the firmware's log labels). */
    public static final Set<String> SECRET_KEYS = Set.of("wifi_password", "user_password", "mep_key", "mqtt_password",
            "wifi_pwd", "user_pwd", "mqtt_pw");

    /** A secret's name, not inside a longer name, then {@code :} or {@code =}; a quote may close the name (JSON). */
    private static final Pattern LABEL = Pattern.compile("(?i)(?<![A-Za-z0-9_])(?:"
            + String.join("|", SECRET_KEYS.stream().sorted().toList()) + ")[\"']?[ \t]*[:=][ \t]*");

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
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl + 1;
            out.append(redactLabels(text.substring(from, end)));
            from = end;
        }
        String result = out.toString();
        for (String s : secrets) result = result.replace(s, MARKER);
        return result;
    }

    /** One line (with its line end): each labelled secret's value replaced. */
    private static String redactLabels(String line) {
        int bodyEnd = line.length();
        while (bodyEnd > 0 && (line.charAt(bodyEnd - 1) == '\n' || line.charAt(bodyEnd - 1) == '\r')) bodyEnd--;
        String body = line.substring(0, bodyEnd);
        Matcher m = LABEL.matcher(body);
        if (!m.find()) return line;
        StringBuilder sb = new StringBuilder();
        int at = 0;
        do {
            int valueStart = m.end();
            sb.append(body, at, valueStart);
            char quote = valueStart < body.length() ? body.charAt(valueStart) : 0;
            int close = quote == '\'' || quote == '"' ? body.lastIndexOf(quote) : -1;
            if (close > valueStart) {
                sb.append(quote).append(MARKER).append(quote);
                at = close + 1;
            } else {
                int trailing = body.length();
                while (trailing > valueStart && Character.isWhitespace(body.charAt(trailing - 1))) trailing--;
                if (quote == '\'' || quote == '"') sb.append(quote);
                sb.append(MARKER).append(body, trailing, body.length());
                at = body.length();
            }
        } while (at < body.length() && m.find(at));
        sb.append(body, at, body.length());
        return sb.append(line, bodyEnd, line.length()).toString();
    }
}
