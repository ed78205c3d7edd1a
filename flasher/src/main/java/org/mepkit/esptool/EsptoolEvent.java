package org.mepkit.esptool;

/** What esptool reported, parsed from one output line of either version. */
public sealed interface EsptoolEvent {

    /** {@code esptool v5.3.1} / {@code esptool.py v4.12.0}. */
    record Banner(EsptoolVersion version) implements EsptoolEvent {
    }

    /** {@code Connecting...}: waiting for the ROM loader. */
    record Connecting() implements EsptoolEvent {
    }

    /** The chip answered: {@code ESP32-D0WD-V3 (revision v3.0)}. */
    record ChipDetected(String description) implements EsptoolEvent {
    }

    /** The chip's MAC address, lower-case colon-separated. */
    record Mac(String mac) implements EsptoolEvent {
    }

    /** {@code Flash will be erased from 0x... to 0x...}. */
    record EraseRange(long from, long to) implements EsptoolEvent {
    }

    /**
     * One progress update while writing. v5 gives bytes sent of a total (compressed); v4 gives only a
     * percentage, so {@code sent} and {@code total} are -1 there.
     */
    record Progress(long address, double percent, long sent, long total) implements EsptoolEvent {
    }

    /** {@code Wrote N bytes (M compressed) at 0x... in S seconds (R kbit/s)}; compressed = -1 when uncompressed, rate -1 when not printed. */
    record Written(long bytes, long compressed, long address, double seconds, double kbitPerSecond) implements EsptoolEvent {
    }

    /** {@code Hash of data verified.} */
    record HashVerified() implements EsptoolEvent {
    }

    /** {@code Hard resetting via RTS pin...}, {@code Staying in bootloader.} and friends. */
    record Reset(String line) implements EsptoolEvent {
    }

    /** A warning or note esptool printed. */
    record Warning(String text) implements EsptoolEvent {
    }

    /** {@code A fatal error occurred: <message>} (or a serial exception). */
    record Fatal(String message) implements EsptoolEvent {
    }
}
