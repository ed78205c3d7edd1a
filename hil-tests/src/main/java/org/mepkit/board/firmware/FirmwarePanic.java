package org.mepkit.board.firmware;

/**
 * Thrown by a firmware model where the real firmware crashes: the CPU exception the ESP32 would take and the
 * upstream source line that leads there. The board turns it into the ESP-IDF panic output, a reset and a reboot
 * ({@code org.mepkit.board.PanicHandler}), as a real ESP32 does.
 *
 * @see #exception()
 */
public final class FirmwarePanic extends RuntimeException {

    private final String exception;
    private final String upstream;

    /**
     * @param exception the Xtensa exception name the panic line shows, e.g. {@code StoreProhibited}
     * @param upstream  where upstream goes wrong, e.g. {@code NES-MEP-UI.ino:343}
     * @param why       what happened, for people (kept out of the console, which shows what an ESP32 prints)
     */
    public FirmwarePanic(String exception, String upstream, String why) {
        super(why + " (" + upstream + ")");
        this.exception = exception;
        this.upstream = upstream;
    }

    public String exception() {
        return exception;
    }

    public String upstream() {
        return upstream;
    }
}
