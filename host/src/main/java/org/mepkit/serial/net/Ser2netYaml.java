package org.mepkit.serial.net;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.mepkit.serial.LineSettings;

/**
 * A ser2net (4.x) YAML configuration exporting serial devices as RFC 2217 ports, as ser2net 4.3.11 accepts it:
 * <pre>
 * connection: &amp;meter
 *     accepter: telnet(rfc2217),tcp,127.0.0.1,7001
 *     enable: on
 *     connector: serialdev,/dev/serial/by-id/usb-FTDI_...-port0,9600n81,local
 *     options:
 *       chardelay: false
 * </pre>
 * No {@code kickolduser}: a second client is told "Port already in use" instead of stealing a board from a
 * running bench. {@code chardelay: false} hands each byte on at once (ser2net's default coalescing adds about
 * 3 ms per round trip). {@code local} ignores the carrier-detect line, which USB adapters and ptys do not drive.
 */
public final class Ser2netYaml {

    /** One exported device: its connection name, the device path, where to listen, and the line it starts with. */
    public record Export(String name, String device, String address, int tcpPort, LineSettings settings) {
        private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

        public Export {
            if (!NAME.matcher(name).matches()) throw new IllegalArgumentException("connection name must be [A-Za-z0-9_-]: " + name);
            if (device.isBlank() || device.chars().anyMatch(c -> c == ',' || Character.isWhitespace(c) || c == '"')) {
                throw new IllegalArgumentException("ser2net cannot name a device path with commas, quotes or spaces: " + device);
            }
            if (address.isBlank() || address.contains(",")) throw new IllegalArgumentException("bad listen address: " + address);
            if (tcpPort <= 0 || tcpPort > 65535) throw new IllegalArgumentException("TCP port must be 1..65535: " + tcpPort);
        }

        /** The URL a client uses; {@code 0.0.0.0}/{@code ::} listen everywhere, so the URL needs this host's name. */
        public String url(String hostForUrl) {
            return "rfc2217://" + (hostForUrl.contains(":") ? "[" + hostForUrl + "]" : hostForUrl) + ":" + tcpPort;
        }
    }

    private Ser2netYaml() {
    }

    public static String write(List<Export> exports, String comment) {
        StringBuilder y = new StringBuilder("%YAML 1.1\n---\n");
        for (String line : comment.split("\n")) y.append("# ").append(line).append('\n');
        for (Export e : exports) {
            y.append("\nconnection: &").append(e.name()).append('\n')
                    .append("    accepter: telnet(rfc2217),tcp,").append(e.address()).append(',').append(e.tcpPort()).append('\n')
                    .append("    enable: on\n")
                    .append("    connector: serialdev,").append(e.device()).append(',').append(lineSpec(e.settings())).append(",local\n")
                    .append("    options:\n")
                    .append("      chardelay: false\n");
        }
        return y.toString();
    }

    /** ser2net's spelling of a line: {@code 9600n81}. */
    static String lineSpec(LineSettings s) {
        char parity = switch (s.parity()) {
            case NONE -> 'n';
            case EVEN -> 'e';
            case ODD -> 'o';
        };
        return String.format(Locale.ROOT, "%d%c%d%d", s.baud(), parity, s.dataBits(), s.stopBits() == LineSettings.StopBits.ONE ? 1 : 2);
    }
}
