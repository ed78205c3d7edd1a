package org.mepkit.bsp;

import java.util.Map;

import org.mepkit.spec.Board;
import org.mepkit.spec.PinMap;

/**
 * The arduino-esp32 variant header {@code pins_arduino.h} (Arduino and PlatformIO): the board's
 * macros, then what the core takes from a variant: {@code TX}/{@code RX} (the console),
 * {@code RX2}/{@code TX2} (so {@code Serial2.begin(9600)} uses the meter pins) and the chip's
 * default Wire and SPI pins, with a warning where one of them is a board signal.
 */
final class ArduinoVariantHeader {

    private ArduinoVariantHeader() {
    }

    static String write(BspRequest r) {
        Board b = r.board();
        StringBuilder s = new StringBuilder(r.provenance().blockComment());
        s.append("#ifndef Pins_Arduino_h\n#define Pins_Arduino_h\n\n#include <stdint.h>\n\n");
        s.append(BoardHeader.facts(b, r.spec()));
        s.append(BoardHeader.variants(b, r.variant()));
        s.append("\n/* What the arduino-esp32 core takes from a variant */\n");
        s.append("static const uint8_t TX = ").append(BoardHeader.pinMacro(PinMap.CONSOLE_TX)).append(";\n");
        s.append("static const uint8_t RX = ").append(BoardHeader.pinMacro(PinMap.CONSOLE_RX)).append(";\n");
        if (b.meterLine().uart().equals("UART2")) {
            BoardHeader.define(s, "RX2", BoardHeader.pinMacro(PinMap.MEP_RX), "Serial2 default pins: the meter line");
            BoardHeader.define(s, "TX2", BoardHeader.pinMacro(PinMap.MEP_TX), null);
        }
        s.append("/* The chip's default Wire and SPI pins; the board wires none of them. */\n");
        for (Map.Entry<String, Integer> e : b.build().peripheralDefaults().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            s.append("static const uint8_t ").append(e.getKey()).append(" = ").append(e.getValue()).append(';');
            b.pinMap().pins().stream().filter(p -> p.gpio() == e.getValue()).findFirst().ifPresent(p ->
                    s.append(" /* GPIO").append(p.gpio()).append(" is ").append(p.signal())
                            .append(" on this board: do not use ").append(e.getKey()).append(" */"));
            s.append('\n');
        }
        s.append("\n#endif /* Pins_Arduino_h */\n");
        return s.toString();
    }
}
