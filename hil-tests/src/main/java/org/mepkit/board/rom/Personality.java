package org.mepkit.board.rom;

/** Who answers on the console in download mode: the mask ROM, or the flasher stub esptool uploaded. */
public enum Personality {
    ROM,
    STUB
}
