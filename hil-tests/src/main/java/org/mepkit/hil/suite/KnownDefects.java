package org.mepkit.hil.suite;

import org.mepkit.bench.Bench;
import org.mepkit.bench.KnownDefect;

/**
 * What the suite knows the firmwares under test get wrong (from the upstream source, commit 6681de7). A check that
 * trips over one of these on a firmware that has it is reported as that firmware's known defect; on any other
 * firmware it is a failure.
 */
enum KnownDefects {

    /**
     * An alert {@code 00 00} read together with the start of a reply: the alert is stripped after the completeness
     * check, the incomplete rest is taken as the reply and the buffer length wraps in a memcpy (NES-MEP-UI.ino:319-344,
     * NES-MEP.cpp:915-930): the ESP32 panics and reboots. A read that ends inside a run of alerts ({@code 00 00 00})
     * leaves one byte after the strip and crashes the same way.
     */
    ALERT_THEN_PARTIAL_REPLY("dabbler", "NES-MEP-UI.ino:341-344");

    private final String firmware;
    private final String upstream;

    KnownDefects(String firmware, String upstream) {
        this.firmware = firmware;
        this.upstream = upstream;
    }

    /** Throws the known defect when {@code bench} runs a firmware that has it, else fails with {@code what}. */
    void report(Bench bench, String what) {
        if (firmware.equals(bench.firmware())) throw new KnownDefect(firmware, upstream, what);
        throw new AssertionError(what);
    }
}
