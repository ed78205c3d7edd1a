package org.mepkit.esptool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Lines are quoted from the flashing reference §2-3 (real esptool v4.12.0 and v5.3.1 output). */
class EsptoolOutputParserTest {

    private static EsptoolEvent parse(String line) {
        return EsptoolOutputParser.parse(line).orElseThrow(() -> new AssertionError("no event for: " + line));
    }

    @Test
    void banners() {
        assertEquals(new EsptoolEvent.Banner(new EsptoolVersion(5, 3, 1)), parse("esptool v5.3.1"));
        assertEquals(new EsptoolEvent.Banner(new EsptoolVersion(4, 12, 0)), parse("esptool.py v4.12.0"));
    }

    @Test
    void chipAndMacInBothStyles() {
        assertEquals(new EsptoolEvent.ChipDetected("ESP32-D0WD-V3 (revision v3.0)"), parse("Chip type:          ESP32-D0WD-V3 (revision v3.0)"));
        assertEquals(new EsptoolEvent.ChipDetected("ESP32-D0WD-V3 (revision v3.0)"), parse("Chip is ESP32-D0WD-V3 (revision v3.0)"));
        assertEquals(new EsptoolEvent.Mac("24:0a:c4:12:34:56"), parse("MAC:                24:0a:c4:12:34:56"));
        assertEquals(new EsptoolEvent.Mac("24:0a:c4:12:34:56"), parse("MAC: 24:0A:C4:12:34:56"));
    }

    @Test
    void v5ProgressWithCarriageReturnAndTrailingSpace() {
        assertEquals(new EsptoolEvent.Progress(0x13ff9, 8.2, 16384, 200393),
                parse("\rWriting at 0x00013ff9 [=>                            ]   8.2% 16384/200393 bytes... "));
        assertEquals(new EsptoolEvent.Progress(0x1000, 0.0, 0, 4535),
                parse("Writing at 0x00001000 [                              ]   0.0% 0/4535 bytes... "));
        assertEquals(new EsptoolEvent.Progress(0x593e0, 100.0, 200393, 200393),
                parse("Writing at 0x000593e0 [==============================] 100.0% 200393/200393 bytes... "));
    }

    @Test
    void v4Progress() {
        assertEquals(new EsptoolEvent.Progress(0x13ff9, 15, -1, -1), parse("Writing at 0x00013ff9... (15 %)"));
    }

    @Test
    void summariesOfBothVersions() {
        assertEquals(new EsptoolEvent.Written(300000, 200393, 0x10000, 0.1, 18048.2),
                parse("Wrote 300000 bytes (200393 compressed) at 0x00010000 in 0.1 seconds (18048.2 kbit/s)."));
        assertEquals(new EsptoolEvent.Written(7888, 4535, 0x1000, 0.0, 90179.7),
                parse("Wrote 7888 bytes (4535 compressed) at 0x00001000 in 0.0 seconds (effective 90179.7 kbit/s)..."));
        assertEquals(new EsptoolEvent.Written(5000, -1, 0x8000, 0.0, -1), parse("Wrote 5000 bytes at 0x00008000 in 0.0 seconds."));
        assertEquals(new EsptoolEvent.HashVerified(), parse("Hash of data verified."));
        assertEquals(new EsptoolEvent.EraseRange(0x1000, 0x2fff), parse("Flash will be erased from 0x00001000 to 0x00002fff..."));
    }

    @Test
    void resetsFatalsAndWarnings() {
        assertEquals(new EsptoolEvent.Reset("Hard resetting via RTS pin..."), parse("Hard resetting via RTS pin..."));
        assertEquals(new EsptoolEvent.Reset("Staying in bootloader."), parse("Staying in bootloader."));
        assertEquals(new EsptoolEvent.Fatal("Failed to connect to ESP32: No serial data received."),
                parse("A fatal error occurred: Failed to connect to ESP32: No serial data received."));
        assertEquals(new EsptoolEvent.Fatal("write failed: [Errno 5] Input/output error"),
                parse("A serial exception error occurred: write failed: [Errno 5] Input/output error"));
        assertTrue(parse("Warning: Deprecated: Command 'write_flash' is deprecated. Use 'write-flash' instead.") instanceof EsptoolEvent.Warning);
    }

    @Test
    void stripsColourCodesAndIgnoresUnknownLines() {
        assertEquals(new EsptoolEvent.HashVerified(), parse("\u001B[32mHash of data verified.\u001B[0m"));
        assertEquals(Optional.empty(), EsptoolOutputParser.parse("Uploading stub flasher..."));
        assertEquals(Optional.empty(), EsptoolOutputParser.parse("Device VID/PID identification is only supported on COM and absolute device paths."));
    }
}
