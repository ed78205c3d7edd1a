package org.mepkit.recovery;

/** Where the recovery machine is. */
public enum RecoveryState {
    /** Not started: MAX3232 off, ENABLE off. */
    OFF,
    /** Talking normally; a reply may be awaited. */
    HEALTHY,
    /** ENABLE off, MAX3232 off, waiting out the cool-off. */
    COOLING,
    /** MAX3232 on, ENABLE still off, the charge pump settles. */
    SETTLING,
    /** ENABLE on, waiting before the first byte. */
    ENABLE_SETTLING,
    /** Powered and enabled; the driver must send the probe now. */
    PROBE_DUE,
    /** The probe is out, its reply awaited. */
    PROBING,
    /** Gave up after the policy's cycles: "chip not recovering" (or reboot). */
    ESCALATED
}
