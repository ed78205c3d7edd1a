package org.mepkit.serial.net;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortNotFoundException;
import org.mepkit.serial.PortSpec;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/**
 * Opens remote ports: {@code rfc2217://} and {@code socket://}. Every failure is one line naming the port, of the
 * same kinds a local port gives (so the CLI exits 4 for both), and comes within the URL's timeout.
 */
public final class NetPorts {

    /** Makes the TCP connection; a seam so tests can stage network failures without leaving the machine. */
    @FunctionalInterface
    public interface Connector {
        Socket connect(InetSocketAddress address, Duration timeout) throws IOException;
    }

    /** A plain TCP connection with Nagle off (a MEP request is a few bytes and must not wait for an ACK). */
    public static final Connector TCP = (address, timeout) -> {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(address, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    };

    private NetPorts() {
    }

    public static SerialLine open(PortSpec.Rfc2217 spec, LineSettings settings) throws SerialException {
        return open(spec, settings, TCP);
    }

    public static SerialLine open(PortSpec.Rfc2217 spec, LineSettings settings, Connector connector) throws SerialException {
        Socket socket = connect(spec.text(), spec.host(), spec.port(), spec.timeout(), connector);
        return Rfc2217Line.open(spec.text(), settings, socket, spec.timeout());
    }

    public static SerialLine open(PortSpec.RawSocket spec, LineSettings settings) throws SerialException {
        return open(spec, settings, TCP);
    }

    public static SerialLine open(PortSpec.RawSocket spec, LineSettings settings, Connector connector) throws SerialException {
        Socket socket = connect(spec.text(), spec.host(), spec.port(), spec.timeout(), connector);
        try {
            return new RawSocketLine(spec.text(), settings, socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // reporting the first failure
            }
            throw new SerialException(spec.text() + ": cannot use the connection (" + e.getMessage() + ")", e);
        }
    }

    static Socket connect(String name, String host, int port, Duration timeout, Connector connector) throws SerialException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new PortNotFoundException(name + ": unknown host '" + host + "' (check the name, or use its address)");
        }
        try {
            return connector.connect(address, timeout);
        } catch (ConnectException e) {
            throw new PortNotFoundException(name + ": connection refused (is the port exporter, e.g. ser2net, running on "
                    + host + " port " + port + "?)", e);
        } catch (NoRouteToHostException e) {
            throw new PortNotFoundException(name + ": host unreachable (" + host + ": no route; is it up and on this network?)", e);
        } catch (SocketTimeoutException e) {
            throw new PortNotFoundException(name + ": no answer from " + host + " port " + port + " within "
                    + timeout.toMillis() / 1000.0 + " s (host down, or a firewall drops the port?)", e);
        } catch (UnknownHostException e) {
            throw new PortNotFoundException(name + ": unknown host '" + host + "'", e);
        } catch (IOException e) {
            throw new SerialException(name + ": cannot connect (" + e.getMessage() + ")", e);
        }
    }
}
