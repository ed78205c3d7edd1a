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
}
