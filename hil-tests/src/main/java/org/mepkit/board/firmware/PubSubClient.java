package org.mepkit.board.firmware;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The MQTT client library the firmware uses, PubSubClient 2.8 (board-firmware-behaviour.md §8), as far as the
 * firmware uses it: a blocking connect with a last will, QoS 0 publishes into a 256-byte packet buffer (a longer
 * packet is refused), keep-alive pings every 15 s from {@link #loop()}, and the library's state codes. MQTT 3.1.1
 * over a TCP connection the board's network opens ({@link BoardIo#connectTcp}); written from the MQTT 3.1.1
 * specification, not from the library's code.
 */
final class PubSubClient {

    static final int BUFFER_SIZE = 256;
    static final int KEEPALIVE_S = 15;
    /** WiFiClient's connect timeout and PubSubClient's CONNACK wait, board ms. */
    static final long CONNECT_TIMEOUT_MS = 3_000, SOCKET_TIMEOUT_MS = 15_000;

    static final int CONNECTION_TIMEOUT = -4, CONNECTION_LOST = -3, CONNECT_FAILED = -2, DISCONNECTED = -1, CONNECTED = 0;

    private final BoardIo io;
    private final LongClock clock;
    private String host;
    private int port;
    private Socket socket;
    private int state = DISCONNECTED;
    private long lastOut;
    private long lastIn;
    private boolean pingOutstanding;

    /** Board milliseconds. */
    interface LongClock {
        long now();
    }

    PubSubClient(BoardIo io, LongClock clock) {
        this.io = io;
        this.clock = clock;
    }

    void setServer(String host, int port) {
        this.host = host;
        this.port = port;
    }

    int state() {
        return state;
    }

    synchronized boolean connected() {
        if (socket == null) return false;
        if (socket.isClosed()) {
            drop(CONNECTION_LOST);
            return false;
        }
        return true;
    }

    /** Connects and waits for the broker's CONNACK; user and password null for none. */
    boolean connect(String clientId, String user, String password, String willTopic, int willQos, boolean willRetain,
                    String willMessage) {
        if (connected()) return true;
        try {
            socket = io.connectTcp(host, port, CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            socket = null;
            state = CONNECT_FAILED;
            return false;
        }
        try {
            ByteArrayOutputStream v = new ByteArrayOutputStream();
            string(v, "MQTT");
            v.write(4); // protocol level 3.1.1
            int flags = 0x02 | 0x04 | (willQos << 3) | (willRetain ? 0x20 : 0);
            if (user != null) flags |= 0x80;
            if (password != null) flags |= 0x40;
            v.write(flags);
            v.write(KEEPALIVE_S >> 8);
            v.write(KEEPALIVE_S & 0xFF);
            string(v, clientId);
            string(v, willTopic);
            string(v, willMessage);
            if (user != null) string(v, user);
            if (password != null) string(v, password);
            send(0x10, v.toByteArray());
            socket.setSoTimeout((int) Math.max(1, io.wallMillis(SOCKET_TIMEOUT_MS)));
            InputStream in = socket.getInputStream();
            int type = in.read();
            int len = in.read();
            if (type != 0x20 || len != 2) throw new IOException("no CONNACK");
            in.read();
            int rc = in.read();
            if (rc != 0) {
                drop(rc);
                return false;
            }
            socket.setSoTimeout(1);
            state = CONNECTED;
            lastIn = clock.now();
            pingOutstanding = false;
            return true;
        } catch (SocketTimeoutException e) {
            drop(CONNECTION_TIMEOUT);
            return false;
        } catch (IOException e) {
            drop(CONNECT_FAILED);
            return false;
        }
    }

    /** A QoS 0 publish; false when not connected or when the packet does not fit the 256-byte buffer. */
    boolean publish(String topic, String payload, boolean retained) {
        if (!connected()) return false;
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        // the library builds fixed header (up to 5 bytes) + topic length (2) + topic + payload in its buffer
        if (5 + 2 + t.length + p.length > BUFFER_SIZE) return false;
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        string(v, topic);
        v.writeBytes(p);
        try {
            send(0x30 | (retained ? 1 : 0), v.toByteArray());
            return true;
        } catch (IOException e) {
            drop(CONNECTION_LOST);
            return false;
        }
    }

    /** Keep-alive and incoming packets; returns whether still connected. */
    boolean loop() {
        if (!connected()) return false;
        long now = clock.now();
        try {
            if (now - lastOut > KEEPALIVE_S * 1000L || now - lastIn > KEEPALIVE_S * 1000L) {
                if (pingOutstanding) {
                    drop(CONNECTION_TIMEOUT);
                    return false;
                }
                send(0xC0, new byte[0]);
                lastIn = now;
                pingOutstanding = true;
            }
            InputStream in = socket.getInputStream();
            while (in.available() > 0) {
                int type = in.read();
                int len = in.read();
                if (type < 0 || len < 0) throw new IOException("closed");
                in.readNBytes(len);
                lastIn = now;
                if ((type & 0xF0) == 0xD0) pingOutstanding = false;
            }
            return true;
        } catch (IOException e) {
            drop(CONNECTION_LOST);
            return false;
        }
    }

    void disconnect() {
        drop(DISCONNECTED);
    }

    private synchronized void drop(int newState) {
        state = newState;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
        socket = null;
    }

    private void send(int header, byte[] variable) throws IOException {
        OutputStream out = socket.getOutputStream();
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(header);
        int len = variable.length;
        do {
            int digit = len % 128;
            len /= 128;
            p.write(len > 0 ? digit | 0x80 : digit);
        } while (len > 0);
        p.writeBytes(variable);
        out.write(p.toByteArray());
        out.flush();
        lastOut = clock.now();
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length >> 8);
        out.write(b.length & 0xFF);
        out.writeBytes(b);
    }
}
