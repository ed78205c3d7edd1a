package org.mepkit.esp.chip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChipRegistryTest {

    @Test
    void shortBoardNamesAndFirmwareSpecBoardNamesResolve() {
        assertEquals(ChipRegistry.ESP32_MEP, ChipRegistry.board("ESP32-MEP"));
        BoardTarget v2 = ChipRegistry.board("esp32-mep-v2.00");
        assertEquals(ChipRegistry.ESP32, v2.chip());
        assertEquals(4L << 20, v2.flashSizeBytes());
        assertEquals(ChipRegistry.ESP32_C3, ChipRegistry.board("ustepper-esp32c3-v1.00").chip());
    }

    @Test
    void onlyV210ResetsItselfFromDtrAndRts() {
        assertTrue(ChipRegistry.board("esp32-mep-v2.10").autoReset());
        assertFalse(ChipRegistry.board("esp32-mep-v2.00").autoReset());
        assertFalse(ChipRegistry.board("esp32-mep-v1.10").autoReset());
        assertFalse(ChipRegistry.ESP32_MEP.autoReset(), "the generic name covers the boards without auto-reset");
    }

    @Test
    void anUnknownBoardListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> ChipRegistry.board("esp8266"));
        assertTrue(e.getMessage().startsWith("unknown board 'esp8266' (known: esp32-mep, esp32-mep-c3, esp32-mep-v1.10"), e.getMessage());
    }

    @Test
    void chipIdsOfTheImageHeader() {
        assertEquals("ESP32", ChipRegistry.chipName(0));
        assertEquals("ESP32-C3", ChipRegistry.chipName(5));
        assertEquals("unknown chip id 77", ChipRegistry.chipName(77));
        assertEquals(0x1000, ChipRegistry.ESP32.bootloaderOffset());
        assertEquals(0, ChipRegistry.ESP32_C3.bootloaderOffset());
    }
}
