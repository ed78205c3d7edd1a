package org.mepkit.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mepkit.util.UserFiles;

/**
 * A real bench described in YAML:
 * <pre>
 * name: lab-1
 * console: {path: /dev/ttyUSB0}        # or {usbSerial: A50285BI} (looked up in /dev/serial/by-id),
 *                                      # or {path: "rfc2217://lab-pi:4000"} (a remote port, e.g. mep port export + ser2net)
 * meter: {usbSerial: FT4XYZ12}         # the RS232 adapter where the host plays the meter
 * mepKeyFile: key.txt                  # the key the board was provisioned with (else env MEP_KEY)
 * ssid: lab-wifi                       # optional: the provisioned SSID
 * url: http://192.168.1.50/            # optional: the board's web server
 * power: {on: "uhubctl -a on -p 2 -l 1-1", off: "uhubctl -a off -p 2 -l 1-1"}   # optional
 * reset: "..."                          # optional: a command pulsing EN
 * firmware: dabbler                     # optional: dabbler (default) or spec: which timings the suite expects
 * </pre>
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record BenchConfig(String name, Port console, Port meter, String mepKeyFile, String ssid, String url,
                          Power power, String reset, String firmware) {

    public record Port(String path, @JsonProperty("usbSerial") String usbSerial) {
    }

    public record Power(String on, String off) {
    }

    public static BenchConfig read(Path file) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        BenchConfig c = yaml.readValue(UserFiles.read(file, UserFiles.CONFIG_LIMIT, "bench config"), BenchConfig.class);
        if (c == null) throw new IOException(file + ": empty bench config");
        return c.checked(file.toString());
    }

    /** This config when it is complete; {@code where} names it in the message (a file, a farm board). */
    public BenchConfig checked(String where) throws IOException {
        if (console() == null || meter() == null) throw new IOException(where + ": 'console' and 'meter' ports are required");
        if (firmware() != null && !firmware().equals("dabbler") && !firmware().equals("spec")) {
            throw new IOException(where + ": firmware must be dabbler or spec, not '" + firmware() + "'");
        }
        return this;
    }
}
