package org.mepkit.board;

import org.mepkit.sim.max3232.Max3232Model;
import org.mepkit.sim.max3232.Max3232Profile;
import org.mepkit.time.Ticker;

/**
 * The MAX3232 between the ESP32's UART2 and the MEP port, as the recovery issue's fault model
 * ({@link Max3232Model}: each power-up comes up good or haywire by its profile; haywire chips
 * are silent, send garbage or flip bits) plus the MEP ENABLE line. Bytes pass only while
 * ENABLE is asserted. Records every time ENABLE is asserted while the chip is unpowered, and
 * lets a test make a working chip go haywire (silent) until its next power cycle.
 */
public final class Transceiver {

    private final Max3232Model chip;
    private boolean enabled;
    private boolean forcedSilent;
    private int enableWhileOff;

    public Transceiver(Max3232Profile profile, long seed, Ticker ticker) {
        this.chip = new Max3232Model(profile, seed, ticker);
    }

    public synchronized void setPowered(boolean on) {
        if (on != powered()) forcedSilent = false;
        chip.setPowered(on);
        if (enabled && !on) enableWhileOff++;
    }

    public synchronized void setEnabled(boolean on) {
        enabled = on;
        if (enabled && !powered()) enableWhileOff++;
    }

    /** The chip stops passing bytes until it is power-cycled. */
    public synchronized void goHaywire() {
        forcedSilent = true;
    }

    /** What reaches the other side of the chip (either direction) when {@code data} goes in now. */
    public synchronized byte[] pass(byte[] data) {
        if (!enabled || forcedSilent || !powered()) return new byte[0];
        return chip.pass(data);
    }

    public synchronized boolean powered() {
        return chip.condition() != Max3232Model.Condition.OFF;
    }

    public synchronized boolean enabled() {
        return enabled;
    }

    public int powerUps() {
        return chip.powerUps();
    }

    public int haywirePowerUps() {
        return chip.haywirePowerUps();
    }

    /** How many times ENABLE was asserted (or left asserted) while the chip was unpowered. */
    public synchronized int enableWhileOff() {
        return enableWhileOff;
    }

    public Max3232Profile profile() {
        return chip.profile();
    }
}
