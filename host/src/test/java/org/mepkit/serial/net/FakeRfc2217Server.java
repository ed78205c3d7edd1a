package org.mepkit.serial.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A scripted RFC 2217 server on 127.0.0.1 for byte-exact tests of the client: it greets as ser2net 4.3.11 does,
 * answers each COM-PORT command with its value (except the ones told to stay silent, as DTR/RTS on a pty), and
 * records every byte the client sent. One connection at a time.
 */
final class FakeRfc2217Server implements AutoCloseable {

    /** ser2net 4.3.11's first bytes (WILL/DO SGA, WILL ECHO, DONT ECHO, DO/WILL BINARY, DO COM-PORT). */
    static final byte[] SER2NET_GREETING = HexFormat.of().parseHex("fffb03fffd03fffb01fffe01fffd00fffb00fffd2c");

    private final ServerSocket server;
    private final ByteArrayOutputStream fromClient = new ByteArrayOutputStream();
    private final ByteArrayOutputStream dataFromClient = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile byte[] greeting = SER2NET_GREETING;
    private final Set<Integer> silentControls = ConcurrentHashMap.newKeySet();
    private volatile Integer baudAnswer;
    private volatile byte[] beforePurgeAck = new byte[0];
    private volatile byte[] afterPurgeAck = new byte[0];
    private volatile boolean answerComPort = true;
    private volatile Consumer<FakeRfc2217Server> onConnect = s -> { };
    private volatile Socket client;

    FakeRfc2217Server() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "fake-rfc2217");
        thread.setDaemon(true);
        silentControls.addAll(Set.of(8, 9, 11, 12)); // DTR/RTS on a pty: ser2net never answers
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    String url() {
        return "rfc2217://127.0.0.1:" + port();
    }

    FakeRfc2217Server greeting(byte[] bytes) {
        greeting = bytes;
        return this;
    }

    /** Answers SET-BAUDRATE with this value instead of the requested one (a server adjusting the speed). */
    FakeRfc2217Server answerBaud(int baud) {
        baudAnswer = baud;
        return this;
    }

    /** Never answers COM-PORT commands at all. */
    FakeRfc2217Server silentComPort() {
        answerComPort = false;
        return this;
    }

    /** Sends {@code before}, the purge acknowledgement and {@code after} in one write when the client purges. */
    FakeRfc2217Server aroundPurgeAck(byte[] before, byte[] after) {
        beforePurgeAck = before;
        afterPurgeAck = after;
        return this;
    }

    FakeRfc2217Server onConnect(Consumer<FakeRfc2217Server> action) {
        onConnect = action;
        return this;
    }

    /** Everything the client sent, raw. */
    synchronized byte[] received() {
        return fromClient.toByteArray();
    }

    /** The serial data the client sent, telnet-decoded. */
    synchronized byte[] dataReceived() {
        return dataFromClient.toByteArray();
    }

    /** Waits until the client has sent at least {@code n} raw bytes. */
    byte[] awaitReceived(int n, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (received().length < n && System.nanoTime() < end) Thread.sleep(2);
        return received();
    }

    void send(byte[] raw) throws IOException {
        OutputStream out = client.getOutputStream();
        synchronized (out) {
            out.write(raw);
            out.flush();
        }
    }

    /** Closes the client's connection, as an exporter that stops. */
    void dropClient() throws IOException {
        client.close();
    }

    private void serve() {
        try {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    client = s;
                    s.setTcpNoDelay(true);
                    if (greeting.length > 0) send(greeting);
                    onConnect.accept(this);
                    TelnetDecoder decoder = new TelnetDecoder(new Responder());
                    InputStream in = s.getInputStream();
                    byte[] buf = new byte[4096];
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        synchronized (this) {
                            fromClient.write(buf, 0, n);
                        }
                        decoder.feed(buf, 0, n);
                    }
                } catch (IOException e) {
                    // the client went away or the test dropped it: wait for the next one
                }
            }
        } catch (RuntimeException e) {
            // closed
        }
    }

    private final class Responder implements TelnetDecoder.Handler {
        @Override
        public void data(byte[] buffer, int offset, int len) {
            synchronized (FakeRfc2217Server.this) {
                dataFromClient.write(buffer, offset, len);
            }
        }

        @Override
        public void command(int verb, int option) {
        }

        @Override
        public void subnegotiation(byte[] payload) {
            if (!answerComPort || payload.length < 2 || (payload[0] & 0xFF) != 44) return;
            int command = payload[1] & 0xFF;
            byte[] value = Arrays.copyOfRange(payload, 2, payload.length);
            if (command == Rfc2217Line.SET_CONTROL && value.length == 1 && silentControls.contains(value[0] & 0xFF)) return;
            if (command == Rfc2217Line.SET_BAUDRATE && baudAnswer != null) value = Rfc2217Line.int32(baudAnswer);
            byte[] answer = new byte[value.length + 1];
            answer[0] = (byte) (command + Rfc2217Line.SERVER_OFFSET);
            System.arraycopy(value, 0, answer, 1, value.length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (command == Rfc2217Line.PURGE_DATA) out.writeBytes(beforePurgeAck);
            out.writeBytes(Telnet.subnegotiation(44, answer));
            if (command == Rfc2217Line.PURGE_DATA) out.writeBytes(afterPurgeAck);
            try {
                send(out.toByteArray());
            } catch (IOException e) {
                // the client is gone
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        Socket c = client;
        if (c != null) c.close();
    }
}
