package org.mepkit.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the broker is and who we are to it. {@code tcp://host[:1883]} or {@code ssl://host[:8883]} (TLS with
 * the JVM's trust store); the password never appears in {@link #toString()}.
 *
 * @param clientId the MQTT client id (unique per broker)
 */
public record MqttSettings(String url, String user, char[] password, String clientId) {

    public MqttSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(clientId, "clientId");
        password = password == null ? null : password.clone();
    }

    /**
     * Checks a broker URL: scheme tcp or ssl, a host, an optional port, nothing else.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static String checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a broker URL: " + url + " (tcp://HOST:PORT or ssl://HOST:PORT)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
            throw new IllegalArgumentException("the broker URL must start with tcp:// or ssl:// (got " + url + ")");
        }
        if (uri.getHost() == null) throw new IllegalArgumentException("the broker URL has no host: " + url);
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("give the broker's user with --mqtt-user and the password with "
                    + "--mqtt-password-file or MEP_MQTT_PASSWORD, not in the URL");
        }
        if ((uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) || uri.getQuery() != null) {
            throw new IllegalArgumentException("the broker URL takes no path or query: " + url);
        }
        return scheme + "://" + uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : scheme.equals("ssl") ? 8883 : 1883);
    }

    @Override
    public char[] password() {
        return password == null ? null : password.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MqttSettings s && url.equals(s.url) && Objects.equals(user, s.user)
                && Arrays.equals(password, s.password) && clientId.equals(s.clientId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, user, clientId);
    }

    @Override
    public String toString() {
        return "MqttSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", clientId=" + clientId + "]";
    }
}
