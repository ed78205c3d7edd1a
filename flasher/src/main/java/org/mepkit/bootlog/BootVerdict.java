package org.mepkit.bootlog;

/** What a captured boot log says about a freshly flashed board. */
public enum BootVerdict {
    /** The firmware read its settings and got to the MEP start (or at least printed its configuration). */
    STARTED(true, "firmware started"),
    /** The ROM is still waiting for download: the J7 program jumper is still fitted. */
    DOWNLOAD_MODE(false, "the chip is still in download mode: remove the J7 1-2 program jumper and power-cycle"),
    /** A panic: Guru Meditation, abort(), a backtrace. */
    CRASHED(false, "the firmware crashed"),
    /**
     * Erased flash where the chip looks for code: the ROM finds no bootloader ({@code invalid header: 0xffffffff})
     * or the bootloader no app ({@code has invalid magic byte (nothing flashed here?)}). The chip resets over and
     * over, but the cause is a flash never (fully) written, not a fault.
     */
    BLANK(false, "the flash is blank where the chip looks for its bootloader or app: flash a whole build (bootloader, partition table and app: a build folder or a merged image)"),
    /** Reset over and over ({@code rst:} more than once, invalid image header). */
    BOOT_LOOP(false, "the board is boot-looping"),
    /** The brownout detector fired: the 3.3 V supply sags. */
    BROWNOUT(false, "brownout: the 3.3 V supply is too weak (adapter or buck converter)"),
    /** Output, but not the firmware's start-up lines. */
    INCOMPLETE(false, "the firmware's start-up lines did not appear"),
    /** Nothing at all on the console. */
    SILENT(false, "nothing received on the console: check J5 TX/RX and that the board is powered");

    private final boolean pass;
    private final String meaning;

    BootVerdict(boolean pass, String meaning) {
        this.pass = pass;
        this.meaning = meaning;
    }

    public boolean pass() {
        return pass;
    }

    public String meaning() {
        return meaning;
    }
}
