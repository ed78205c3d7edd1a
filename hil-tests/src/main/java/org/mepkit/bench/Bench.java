package org.mepkit.bench;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.mepkit.board.VirtualBoard;
import org.mepkit.serial.SerialException;
import org.mepkit.serial.SerialLine;

/**
 * What the HIL suite runs against: the board's console port, the RS232 port where the host
 * plays the meter, and the controls the bench has. The same tests run on a virtual bench and on
 * a real one described by a config file; a test needing what a bench lacks is skipped with the
 * reason.
 */
public interface Bench extends AutoCloseable {

    String name();

    SerialLine openConsole() throws SerialException;

    SerialLine openMeterSide() throws SerialException;

    Optional<BoardPower> power();

    Optional<URI> boardUrl();

    /** The twin behind a virtual bench (fault injection, pin observation); empty on real hardware. */
    Optional<VirtualBoard> twin();

    /** Board milliseconds per wall millisecond (1 on real hardware). */
    double timeScale();

    /** The MEP key the board was provisioned with. */
    String provisionedKey();

    /** The provisioned Wi-Fi SSID, if the bench knows it. */
    Optional<String> provisionedSsid();

    /** Every secret the board may print, for redaction. */
    List<String> secrets();

    /** The firmware the board runs: {@code dabbler} (upstream behaviour) or {@code spec} (mepkit's recovery spec). */
    default String firmware() {
        return "dabbler";
    }

    /** The MAX3232 profile of the bench's board, when known. */
    Optional<org.mepkit.sim.max3232.Max3232Profile> max3232();

    @Override
    void close();
}
