package org.mepkit.board;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mepkit.board.firmware.BoardIo;
import org.mepkit.board.firmware.WebClient;

/**
 * The firmware model's view of the board: UART2 behind the MAX3232, its control pins, the console, restart, and the
 * board's network: the web server's waiting clients, how long the Wi-Fi station takes to connect, and TCP routes
 * from the board's network to the host (the firmware connects to {@code mqtt_server:1883}; a bench routes that to
 * its broker's real address).
 */
final class FirmwareIo implements BoardIo {

    /** Default Wi-Fi station connect time, board ms (DHCP on a home network takes a second or two). */
    static final long DEFAULT_WIFI_CONNECT_MS = 1_500;

    private final MepSide mep;
    private final Transceiver transceiver;
    private final Console console;
    private final Runnable restart;
    private final WebClients web;
    private final double timeScale;
    private final Map<String, InetSocketAddress> routes = new ConcurrentHashMap<>();
    private volatile long wifiConnectMs = DEFAULT_WIFI_CONNECT_MS;

    FirmwareIo(MepSide mep, Transceiver transceiver, Console console, Runnable restart, WebClients web, double timeScale) {
        this.mep = mep;
        this.transceiver = transceiver;
        this.console = console;
        this.restart = restart;
        this.web = web;
        this.timeScale = timeScale;
    }

    void setWifiConnectMillis(long ms) {
        wifiConnectMs = ms;
    }

    void route(String host, int port, InetSocketAddress to) {
        routes.put(host + ":" + port, to);
    }

    @Override
    public void mepWrite(byte[] data) {
        mep.write(data);
    }

    @Override
    public byte[] mepRead(int max) {
        return mep.read(max);
    }

    @Override
    public void setMepEnabled(boolean enabled) {
        transceiver.setEnabled(enabled);
    }

    @Override
    public void setMax3232Powered(boolean on) {
        transceiver.setPowered(on);
    }

    @Override
    public void println(String line) {
        console.println(line);
    }

    @Override
    public void print(String text) {
        console.print(text);
    }

    @Override
    public void restart(String reason) {
        restart.run();
    }

    @Override
    public void startWebServer() {
        web.startListening();
    }

    @Override
    public WebClient nextWebClient() {
        return web.next();
    }

    @Override
    public long wifiConnectMillis() {
        return wifiConnectMs;
    }

    @Override
    public Socket connectTcp(String host, int port, long timeoutMillis) throws IOException {
        InetSocketAddress to = routes.get(host + ":" + port);
        if (to == null) throw new IOException("no route from the board's network to " + host + ":" + port);
        Socket s = new Socket();
        try {
            s.connect(to, (int) Math.max(1, wallMillis(timeoutMillis)));
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return s;
    }

    @Override
    public long wallMillis(long boardMillis) {
        return (long) Math.ceil(boardMillis / timeScale);
    }
}
