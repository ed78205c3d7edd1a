package org.mepkit.sim.optical;

/**
 * Which table layout the virtual optical meter serves for BT21, BT23 and BT28.
 *
 * <ul>
 *   <li>{@link #OPTICAL}: what one user's NES meter returned over its optical port (reference
 *       optical-mqtt-remote.md A.6): BT23 of 8 bytes (forward and reverse active energy, Wh), BT28 of
 *       40 bytes (10 values: forward/reverse W, import/export var, I1..I3 mA, U1..U3 mV), and a BT21 that
 *       says so (2 summations, 10 present values).</li>
 *   <li>{@link #MEP}: the MEP virtual meter's own tables (4 summations, 55 present values).</li>
 * </ul>
 * Both are little-endian INT32, announced in BT00.
 */
public enum OpticalLayout {
    OPTICAL, MEP;

    public static OpticalLayout named(String name) {
        for (OpticalLayout l : values()) if (l.name().equalsIgnoreCase(name)) return l;
        throw new IllegalArgumentException("unknown table layout '" + name + "' (known: optical, mep)");
    }
}
