package org.mepkit.serial.net;

import java.io.IOException;
import java.net.Socket;
import java.util.Arrays;

import org.mepkit.serial.LineSettings;

/**
 * {@code socket://host:port}: the bytes of a TCP connection are the serial data, nothing else. The line settings
 * are the exporter's business (its config fixes the baud); there are no modem lines.
 */
final class RawSocketLine extends NetLine {

    RawSocketLine(String name, LineSettings settings, Socket socket) throws IOException {
        super(name, settings, socket);
        start();
    }

    @Override
    protected void received(byte[] buffer, int len) {
        deliver(buffer, 0, len);
    }

    @Override
    protected byte[] wireForm(byte[] data, int offset, int len) {
        return Arrays.copyOfRange(data, offset, offset + len);
    }
}
