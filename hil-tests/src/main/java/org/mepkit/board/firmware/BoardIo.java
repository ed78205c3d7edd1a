package org.mepkit.board.firmware;

/**
 * What a firmware model can touch on the board: the MEP UART, the two GPIOs of the MEP
 * port and the restart. The virtual board implements it over its ptys and fault model;
 * tests implement it with a recording fake.
 */
public interface BoardIo {

    /** Writes bytes to the MEP UART (UART2, 9600 8N1). */
    void mepWrite(byte[] data);

    /** Returns (and removes) the bytes the MEP UART has received so far; empty when none. */
    byte[] mepRead(int max);

    /** GPIO5: {@code true} = MEP enabled (pin driven LOW). */
    void setMepEnabled(boolean enabled);

    /** GPIO32: {@code true} = MAX3232 powered (pin HIGH). */
    void setMax3232Powered(boolean on);

    /** Console line (CR LF appended by the implementation). */
    void println(String line);

    /** Console text with no line ending (the Wi-Fi progress dots). */
    void print(String text);

    /** ESP.restart(): the model stops; the board reboots it. */
    void restart(String reason);

    /** {@code MyWebServer.begin()}: from now on clients can connect (they are served from {@link #nextWebClient()}). */
    default void startWebServer() {
    }

    /** The next HTTP client waiting, or null; {@code handleClient()} serves at most one per call. */
    default WebClient nextWebClient() {
        return null;
    }

    /**
     * Board milliseconds from {@code WiFi.begin()} until the station is connected, or {@code Long.MAX_VALUE} when the
     * access point is never reached (the firmware then falls back to its own AP after 30 s).
     */
    default long wifiConnectMillis() {
        return 0;
    }

    /**
     * Opens a TCP connection from the board's network to {@code host:port} (the MQTT broker), or throws.
     *
     * @param timeoutMillis board milliseconds before the attempt gives up
     */
    default java.net.Socket connectTcp(String host, int port, long timeoutMillis) throws java.io.IOException {
        throw new java.io.IOException("no network");
    }

    /** Wall milliseconds for {@code boardMillis} of board time (socket timeouts run on the wall clock). */
    default long wallMillis(long boardMillis) {
        return boardMillis;
    }
}
