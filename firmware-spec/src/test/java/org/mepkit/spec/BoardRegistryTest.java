package org.mepkit.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoardRegistryTest {

    private final BoardRegistry registry = BoardRegistry.load();

    @Test
    void knowsTheThreeEsp32MepRevisionsAndTheUStepperC3() {
        assertEquals(List.of("esp32-mep-v1.10", "esp32-mep-v2.00", "esp32-mep-v2.10", "ustepper-esp32c3-v1.00"),
                registry.boards().stream().map(Board::name).toList());
    }

    @Test
    void v110IsThroughHoleAndV200IsSurfaceMountOnTheSameEsp32() {
        Board tht = registry.require("esp32-mep-v1.10");
        Board smd = registry.require("esp32-mep-v2.00");
        assertEquals(Board.Form.THT, tht.form());
        assertEquals(Board.Form.SMD, smd.form());
        assertEquals("esp32", tht.chip());
        assertEquals("ESP32-WROOM-32", smd.module());
    }

    @Test
    void onlyV210HasAutoResetOnJ5() {
        assertTrue(registry.require("esp32-mep-v2.10").autoReset(), "DTR/RTS on J5 drive EN and IO0");
        assertFalse(registry.require("esp32-mep-v1.10").autoReset());
        assertFalse(registry.require("esp32-mep-v2.00").autoReset());
        assertFalse(registry.require("ustepper-esp32c3-v1.00").autoReset());
    }

    @Test
    void v210IsSmdWithTheSameGpiosButJp1InsteadOfR3AndR4() {
        Board v210 = registry.require("esp32-mep-v2.10");
        Board v200 = registry.require("esp32-mep-v2.00");
        assertEquals(Board.Form.SMD, v210.form());
        assertEquals(v200.flashLayout(), v210.flashLayout());
        assertEquals(v200.pinMap().pins().stream().map(p -> p.signal() + "=" + p.gpio()).toList(),
                v210.pinMap().pins().stream().map(p -> p.signal() + "=" + p.gpio()).toList());
        Variant gpio = v210.variant("JP1-GPIO32").orElseThrow();
        assertTrue(gpio.switchable() && gpio.recommended());
        assertFalse(v210.variant("JP1-3V3").orElseThrow().switchable());
        assertTrue(v210.canPowerCycleMax3232());
    }

    @Test
    void bothRevisionsShareOnePinMap() {
        assertSame(registry.require("esp32-mep-v1.10").pinMap(), registry.require("esp32-mep-v2.00").pinMap());
    }

    @ParameterizedTest
    @ValueSource(strings = {"esp32-mep-v1.10", "esp32-mep-v2.00", "esp32-mep-v2.10"})
    void theEsp32MepPinsAreTheOnesOfTheSchematicAndFirmware(String name) {
        PinMap pins = registry.require(name).pinMap();
        assertEquals(16, pins.pin(PinMap.MEP_RX).gpio());
        assertEquals(PinMap.Direction.IN, pins.pin(PinMap.MEP_RX).direction());
        assertEquals(17, pins.pin(PinMap.MEP_TX).gpio());
        PinMap.Pin enable = pins.pin(PinMap.METER_ENABLE);
        assertEquals(5, enable.gpio());
        assertTrue(enable.activeLow(), "LOW = MEP enabled");
        PinMap.Pin max3232 = pins.pin(PinMap.MAX3232_POWER);
        assertEquals(32, max3232.gpio());
        assertFalse(max3232.activeLow(), "HIGH = MAX3232 on");
        assertEquals(1, pins.pin(PinMap.CONSOLE_TX).gpio());
        assertEquals(3, pins.pin(PinMap.CONSOLE_RX).gpio());
    }

    @ParameterizedTest
    @ValueSource(strings = {"esp32-mep-v1.10", "esp32-mep-v2.00", "esp32-mep-v2.10"})
    void theConsoleIsUart0At115200OnJ5AndTheMeterUart2At9600OnJ6(String name) {
        Board board = registry.require(name);
        assertEquals(new UartLink("UART0", 115200, "8N1", 1, 3, "J5"), board.console());
        assertEquals("UART2", board.meterLine().uart());
        assertEquals(9600, board.meterLine().baud());
        assertEquals("J6", board.meterLine().connector());
        assertEquals(0x1000, board.bootloaderOffset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"esp32-mep-v1.10", "esp32-mep-v2.00"})
    void theMax3232IsSuppliedThroughR4OrR3AndR4IsRecommended(String name) {
        Board board = registry.require(name);
        Variant r4 = board.variant("R4").orElseThrow();
        Variant r3 = board.variant("r3").orElseThrow();
        assertTrue(r4.switchable() && r4.recommended());
        assertEquals("GPIO32", r4.max3232Supply());
        assertFalse(r3.switchable() || r3.recommended());
        assertTrue(board.canPowerCycleMax3232());
    }

    @Test
    void theC3BoardUsesASoftwareUartOnGpio6And7AndHasNoMax3232Switch() {
        Board c3 = registry.require("ustepper-esp32c3-v1.00");
        assertEquals("esp32c3", c3.chip());
        assertEquals("ESP32-C3-MINI-1", c3.module());
        assertEquals(6, c3.pinMap().pin(PinMap.MEP_RX).gpio());
        assertEquals(7, c3.pinMap().pin(PinMap.MEP_TX).gpio());
        assertEquals(5, c3.pinMap().pin(PinMap.METER_ENABLE).gpio());
        assertTrue(c3.pinMap().find(PinMap.MAX3232_POWER).isEmpty());
        assertFalse(c3.canPowerCycleMax3232());
        assertEquals(0x0, c3.bootloaderOffset());
        assertEquals(115200, c3.console().baud());
    }

    @Test
    void boardNamesAreMatchedWithoutRegardToCaseAndUnknownNamesListTheKnownOnes() {
        assertEquals("esp32-mep-v2.00", registry.require("ESP32-MEP-V2.00").name());
        var e = assertThrows(UnknownBoardException.class, () -> registry.require("esp32-mep-v3"));
        assertEquals("unknown board 'esp32-mep-v3' (known: esp32-mep, esp32-mep-c3, esp32-mep-v1.10, esp32-mep-v2.00, "
                + "esp32-mep-v2.10, ustepper-esp32c3-v1.00)", e.getMessage());
    }

    @Test
    void esp32MepNamesTheFamilyDefaultAndEsp32MepC3TheC3Board() {
        assertEquals("esp32-mep-v2.00", registry.require("esp32-mep").name());
        assertEquals("esp32-mep-v2.00", registry.resolve("ESP32-MEP"));
        assertEquals("ustepper-esp32c3-v1.00", registry.require("esp32-mep-c3").name());
        assertEquals("esp32-mep-v1.10", registry.resolve("esp32-mep-v1.10"), "a board's own name is unchanged");
    }

    @Test
    void everyBoardIsComplete() {
        for (Board board : registry.boards()) {
            assertNotNull(board.title(), board.name());
            assertNotNull(board.source(), board.name());
            assertFalse(board.pinMap().pins().isEmpty(), board.name());
            assertEquals(9600, board.meterLine().baud(), board.name());
            assertEquals("esp32-mep", board.nvs().namespace(), board.name());
        }
    }
}
