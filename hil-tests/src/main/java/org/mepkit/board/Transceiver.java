package org.mepkit.board;

import java.util.Random;

/**
 * The MAX3232 between the ESP32's UART2 and the MEP port, as seen from both sides: bytes pass
 * only while it is powered (GPIO32), it came up working at its last power-up (decided by its
 * profile with a seeded random source) and has not gone haywire since, and the MEP ENABLE line
 * is asserted. Records every time ENABLE is asserted while the chip is off.
 */
public final class Transceiver {

    private final Max3232Profile profile;
    private final Random random;
    private boolean powered;
    private boolean working;
    private boolean enabled;
    private int powerUps;
    private int goodPowerUps;
    private int enableWhileOff;

    public Transceiver(Max3232Profile profile, long seed) {
        this.profile = profile;
        this.random = new Random(seed);
    }

    public synchronized void setPowered(boolean on) {
        if (on && !powered) {
            powerUps++;
            working = random.nextDouble() < profile.goodPowerUpProbability();
            if (working) goodPowerUps++;
        }
        if (!on) working = false;
        powered = on;
        if (enabled && !powered) enableWhileOff++;
    }

    public synchronized void setEnabled(boolean on) {
        enabled = on;
        if (enabled && !powered) enableWhileOff++;
    }

    /** The chip stops passing bytes until it is power-cycled. */
    public synchronized void goHaywire() {
        working = false;
    }

    public synchronized boolean passes() {
        return powered && working && enabled;
    }

    public synchronized boolean powered() {
        return powered;
    }

    public synchronized boolean enabled() {
        return enabled;
    }

    public synchronized int powerUps() {
        return powerUps;
    }

    public synchronized int goodPowerUps() {
        return goodPowerUps;
    }

    /** How many times ENABLE was asserted (or left asserted) while the chip was unpowered. */
    public synchronized int enableWhileOff() {
        return enableWhileOff;
    }

    public Max3232Profile profile() {
        return profile;
    }
}
