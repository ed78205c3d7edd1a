package org.mepkit.esp.nvs;

/** Constants of the NVS partition format (flashing reference §9). */
final class NvsFormat {

    static final int PAGE = 4096;
    static final int HEADER = 32;
    static final int BITMAP_AT = 32;
    static final int ENTRIES_AT = 64;
    static final int ENTRY = 32;
    static final int ENTRIES_PER_PAGE = 126;
    static final int VERSION_2 = 0xFE;
    static final int STATE_EMPTY = 0xFFFFFFFF;
    static final int STATE_ACTIVE = 0xFFFFFFFE;
    static final int STATE_FULL = 0xFFFFFFFC;
    static final int STATE_FREEING = 0xFFFFFFF8;
    static final int STATE_CORRUPT = 0xFFFFFFF0;
    static final int NO_CHUNK = 0xFF;
    static final int MAX_STRING_BYTES = 4000;
    static final int BITS_EMPTY = 0b11;
    static final int BITS_WRITTEN = 0b10;
    static final int BITS_ERASED = 0b00;
    static final int MIN_PAGES = 3;

    private NvsFormat() {
    }

    static String stateName(int state) {
        return switch (state) {
            case STATE_EMPTY -> "empty";
            case STATE_ACTIVE -> "active";
            case STATE_FULL -> "full";
            case STATE_FREEING -> "freeing";
            case STATE_CORRUPT -> "corrupt";
            default -> String.format("invalid (0x%08x)", state);
        };
    }
}
