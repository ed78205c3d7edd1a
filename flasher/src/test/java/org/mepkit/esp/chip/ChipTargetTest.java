package org.mepkit.esp.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each chip names the segments of the upstream Arduino builds as esptool v5.3.1's image-info does. */
class ChipTargetTest {

    @Test
    void theEsp32AppSegmentsAreNamedAsEsptoolNamesThem() {
        ChipTarget esp32 = ChipRegistry.ESP32;
        assertEquals("DROM", esp32.memoryLabel(0x3F400020L));
        assertEquals("BYTE_ACCESSIBLE, DRAM", esp32.memoryLabel(0x3FFBDB60L));
        assertEquals("IROM", esp32.memoryLabel(0x400D0020L));
        assertEquals("IRAM", esp32.memoryLabel(0x40080000L));
        assertEquals("BYTE_ACCESSIBLE, DRAM, DIRAM_DRAM", esp32.memoryLabel(0x3FFF0030L), "bootloader data");
        assertEquals("CACHE_APP", esp32.memoryLabel(0x40078000L), "bootloader code");
    }

    @Test
    void theC3AppSegmentsAreNamedAsEsptoolNamesThem() {
        ChipTarget c3 = ChipRegistry.ESP32_C3;
        assertEquals("DROM", c3.memoryLabel(0x3C0B0020L));
        assertEquals("DRAM, BYTE_ACCESSIBLE", c3.memoryLabel(0x3FC8E400L));
        assertEquals("IRAM", c3.memoryLabel(0x40380000L));
        assertEquals("IROM", c3.memoryLabel(0x42000020L));
        assertEquals("IRAM", c3.memoryLabel(0x40387D44L));
        assertEquals("?", c3.memoryLabel(0x3F400020L), "an ESP32 DROM address means nothing on a C3");
    }

    @Test
    void onlyTheDromAndIromWindowsAreMappedFromFlash() {
        assertTrue(ChipRegistry.ESP32.flashMapped(0x3F400020L));
        assertTrue(ChipRegistry.ESP32.flashMapped(0x400D0020L));
        assertFalse(ChipRegistry.ESP32.flashMapped(0x40000000L), "the ESP32's mask ROM is called IROM too, but is not flash");
        assertFalse(ChipRegistry.ESP32.flashMapped(0x40080000L));
        assertTrue(ChipRegistry.ESP32_C3.flashMapped(0x42000020L));
        assertTrue(ChipRegistry.ESP32_C3.inDrom(0x3C0B0020L));
        assertFalse(ChipRegistry.ESP32_C3.flashMapped(0x3FC8E400L));
    }

    @Test
    void aChipWithoutAMapNamesNothing() {
        assertEquals("?", ChipRegistry.ESP32_S3.memoryLabel(0x3C000020L));
        assertFalse(ChipRegistry.ESP32_S3.flashMapped(0x3C000020L));
    }
}
