package org.mepkit.serial.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;
import org.mepkit.serial.LineReads;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.PortDisconnectedException;
import org.mepkit.serial.Ports;
import org.mepkit.serial.SerialLine;

/** {@code socket://}: the TCP bytes are the serial bytes, 0xFF included; no telnet, no modem lines. */
class RawSocketLineTest {

    @Test
    void bytesPassUnchangedBothWaysAndADropIsReported() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "socket://127.0.0.1:" + server.getLocalPort();
            try (SerialLine line = Ports.open(url, LineSettings.MEP); Socket peer = server.accept()) {
                assertTrue(line.modemControl().isEmpty());
                line.write(new byte[] {(byte) 0xFF, 0x00, (byte) 0xFF});
                InputStream in = peer.getInputStream();
                assertArrayEquals(new byte[] {(byte) 0xFF, 0x00, (byte) 0xFF}, in.readNBytes(3));

                peer.getOutputStream().write(new byte[] {(byte) 0xFF, (byte) 0xFA, 0x2C});
                assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFA, 0x2C}, LineReads.readExactly(line, 3));

                peer.close();
                var e = assertThrows(PortDisconnectedException.class, () -> line.read(new byte[1], 0, 1, java.time.Duration.ofSeconds(10)));
                assertEquals(url + ": the exporter closed the connection (stopped, or another client took the port)", e.getMessage());
            }
        }
    }
}
