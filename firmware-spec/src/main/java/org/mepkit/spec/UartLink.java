package org.mepkit.spec;

/** A serial link of the board: which UART, its speed and framing, its pins (null when not documented) and connector. */
public record UartLink(String uart, int baud, String framing, Integer txGpio, Integer rxGpio, String connector) {
}
