package org.mepkit.bsp;

/** The firmware toolchains a board support package is exported for. */
public enum BspTarget {
    /** An arduino-esp32 variant folder, a boards.local.txt stanza and the partition scheme. */
    ARDUINO("Arduino (arduino-esp32)"),
    /** A PlatformIO board manifest, the variant header and the partitions CSV. */
    PLATFORMIO("PlatformIO (platform espressif32)"),
    /** An ESP-IDF component: header, Kconfig, partitions.csv, sdkconfig.defaults. */
    IDF("ESP-IDF component");

    private final String title;

    BspTarget(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The command-line option that picks this target ({@code --idf}). */
    public String option() {
        return "--" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
