package org.mepkit.board.firmware;

/**
 * One HTTP request waiting for the firmware's web server. The Arduino {@code WebServer} answers only when the
 * sketch calls {@code handleClient()}, one client per call, from {@code loop()} (NES-MEP-UI.ino:288): a request
 * made during {@code setup()} or during a blocking {@code delay()} waits.
 */
public interface WebClient {

    String method();

    /** The path without the query. */
    String path();

    void respond(int status, String contentType, String body);
}
