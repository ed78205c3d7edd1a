package org.mepkit.serial;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code --port} names: a local device path, an RFC 2217 port ({@code rfc2217://host:port}, a telnet
 * COM-PORT-OPTION server such as ser2net) or a raw TCP byte pipe ({@code socket://host:port}, no line control).
 *
 * <p>URL options follow pyserial's spelling, so the same URL works in mepkit, esptool and pyserial:
 * {@code ?ign_set_control} (accepted; mepkit never waits for SET-CONTROL acknowledgements anyway) and
 * {@code ?timeout=S} (seconds for connecting and for each negotiation step, default 3).
 */
public sealed interface PortSpec {

    /** Connect and negotiation timeout when the URL gives none (pyserial's network default). */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    /** As the user wrote it: the port's name in messages. */
    String text();

    /** A key that is the same for every spelling of one port on this host (for port locks). */
    String identity();

    /** A device path, e.g. {@code /dev/ttyUSB0} or a {@code /dev/serial/by-id/...} link. */
    record Local(String text) implements PortSpec {
        @Override
        public String identity() {
            try {
                return java.nio.file.Path.of(text).toRealPath().toString();
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                return text;
            }
        }
    }

    /** A remote port through RFC 2217 (telnet COM-PORT-OPTION 44). */
    record Rfc2217(String text, String host, int port, Duration timeout) implements PortSpec {
        @Override
        public String identity() {
            return "rfc2217://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        }

        /**
         * The URL esptool (pyserial) needs: {@code ign_set_control} added, because a port exporter in front of a
         * pty, or one that cannot drive DTR/RTS, never acknowledges SET-CONTROL and pyserial would wait for it.
         */
        public String pyserialUrl() {
            String base = "rfc2217://" + hostForUrl(host) + ":" + port + "?ign_set_control";
            return timeout.equals(DEFAULT_TIMEOUT) ? base : base + "&timeout=" + timeout.toMillis() / 1000.0;
        }
    }

    /** A raw TCP byte pipe: no baud, no modem lines (e.g. ser2net's plain {@code tcp} accepter). */
    record RawSocket(String text, String host, int port, Duration timeout) implements PortSpec {
        @Override
        public String identity() {
            return "socket://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        }
    }

    /**
     * Reads a {@code --port} value.
     *
     * @throws PortNotFoundException when it is empty or a malformed URL (the same exit as a missing device)
     */
    static PortSpec parse(String text) throws PortNotFoundException {
        if (text == null || text.isBlank()) throw new PortNotFoundException("no port given");
        String lower = text.toLowerCase(Locale.ROOT);
        boolean rfc2217 = lower.startsWith("rfc2217://");
        boolean socket = lower.startsWith("socket://");
        if (!rfc2217 && !socket) {
            if (lower.matches("^[a-z][a-z0-9+.-]*://.*")) {
                throw new PortNotFoundException(text + ": unknown kind of port (use a device path, rfc2217://HOST:PORT or socket://HOST:PORT)");
            }
            return new Local(text);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw malformed(text);
        }
        if (uri.getHost() == null || uri.getPort() <= 0 || uri.getPort() > 65535
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
            throw malformed(text);
        }
        Duration timeout = DEFAULT_TIMEOUT;
        for (String option : options(uri)) {
            String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
            String value = option.contains("=") ? option.substring(option.indexOf('=') + 1) : null;
            switch (name) {
                case "ign_set_control" -> {
                    if (!rfc2217) throw new PortNotFoundException(text + ": ign_set_control applies to rfc2217:// only");
                }
                case "timeout" -> timeout = seconds(text, value);
                default -> throw new PortNotFoundException(text + ": unknown option '" + name
                        + "' (known: " + (rfc2217 ? "ign_set_control, " : "") + "timeout=SECONDS)");
            }
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        return rfc2217 ? new Rfc2217(text, host, uri.getPort(), timeout) : new RawSocket(text, host, uri.getPort(), timeout);
    }

    private static List<String> options(URI uri) {
        List<String> out = new ArrayList<>();
        if (uri.getRawQuery() == null) return out;
        for (String part : uri.getRawQuery().split("&")) {
            if (!part.isEmpty()) out.add(part);
        }
        return out;
    }

    private static Duration seconds(String text, String value) throws PortNotFoundException {
        try {
            double s = Double.parseDouble(value == null ? "" : value);
            if (!(s > 0) || s > 3600) throw new NumberFormatException();
            return Duration.ofMillis(Math.round(s * 1000));
        } catch (NumberFormatException e) {
            throw new PortNotFoundException(text + ": timeout must be a number of seconds between 0 and 3600, not '" + value + "'");
        }
    }

    private static PortNotFoundException malformed(String text) {
        String scheme = text.substring(0, text.indexOf(':'));
        return new PortNotFoundException(text + ": not a port URL (expected " + scheme + "://HOST:PORT)");
    }

    private static String hostForUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
