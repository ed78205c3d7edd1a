package org.mepkit.serial;

import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.net.NetPorts;

/**
 * The one way commands open {@code --port}: a device path through jSerialComm, {@code rfc2217://host:port}
 * through mepkit's RFC 2217 client, {@code socket://host:port} as a raw TCP pipe. Chosen by the spelling
 * ({@link PortSpec#parse}); every failure is a {@link SerialException} with a one-line reason.
 */
public final class Ports {

    /** The default {@link PortOpener} of every command. */
    public static final PortOpener OPENER = Ports::open;

    private Ports() {
    }

    public static SerialLine open(String port, LineSettings settings) throws SerialException {
        java.util.Objects.requireNonNull(settings, "settings");
        PortSpec spec = PortSpec.parse(port);
        if (spec instanceof PortSpec.Rfc2217 r) return NetPorts.open(r, settings);
        if (spec instanceof PortSpec.RawSocket s) return NetPorts.open(s, settings);
        return JscPorts.open(spec.text(), settings);
    }
}
