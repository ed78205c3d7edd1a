package org.mepkit.bsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mepkit.hw.Netlist;

/**
 * The board's pins as its KiCad schematic wires them, derived from the netlist and the circuit
 * alone (never from firmware-spec), so a header that disagrees with the PCB fails to compile.
 * The rules are the circuit's (shared/reference/esp32-mep-hardware.md §3, §5, §6, §7):
 * <ul>
 * <li>MEP_RX is the ESP32 pin on the MAX3232's R2OUT (the receiver of the meter's TXD), MEP_TX
 *     the one on T2IN, METER_ENABLE the one on T1IN;</li>
 * <li>METER_ENABLE is active low: the MAX3232's driver inverts, and T1OUT reaches the meter's
 *     ENABLE through a diode that passes only the positive level;</li>
 * <li>MAX3232_POWER is the ESP32 pin one passive part (resistor or solder jumper) away from the
 *     MAX3232's VCC, active high (it is the supply);</li>
 * <li>CONSOLE_RX and CONSOLE_TX are the ESP32 pins on the FTDI header J5's pins 4 (adapter TXD)
 *     and 5 (adapter RXD); BOOT is the one on the program jumper J7 pin 1.</li>
 * </ul>
 */
record KicadPins(Map<String, Integer> gpio, Map<String, Integer> activeLevel) {

    private static final Pattern GPIO = Pattern.compile("(?:^|/)IO(\\d+)(?:$|/)");

    static KicadPins derive(Netlist n) {
        String esp32 = partWithMost(n, GPIO);
        String max3232 = partWithPinFunction(n, "R2OUT");
        Map<String, Integer> gpio = new LinkedHashMap<>();
        Map<String, Integer> level = new LinkedHashMap<>();
        gpio.put("MEP_RX", gpioOnNet(n, esp32, netOfFunction(n, max3232, "R2OUT")));
        gpio.put("MEP_TX", gpioOnNet(n, esp32, netOfFunction(n, max3232, "T2IN")));
        gpio.put("METER_ENABLE", gpioOnNet(n, esp32, netOfFunction(n, max3232, "T1IN")));
        String t1out = netOfFunction(n, max3232, "T1OUT");
        if (n.nodesOf(t1out).stream().noneMatch(x -> "A".equals(x.function()))) {
            throw new IllegalStateException("T1OUT (" + t1out + ") does not feed a diode anode: the ENABLE level rule does not hold");
        }
        level.put("METER_ENABLE", 0);
        powerGpio(n, esp32, max3232).ifPresent(g -> {
            gpio.put("MAX3232_POWER", g);
            level.put("MAX3232_POWER", 1);
        });
        gpio.put("CONSOLE_RX", gpioOnNet(n, esp32, net(n, "J5", "4")));
        gpio.put("CONSOLE_TX", gpioOnNet(n, esp32, net(n, "J5", "5")));
        gpio.put("BOOT", gpioOnNet(n, esp32, net(n, "J7", "1")));
        return new KicadPins(gpio, level);
    }

    /** The GPIO one passive part away from the MAX3232's VCC, if the board can switch its supply. */
    private static Optional<Integer> powerGpio(Netlist n, String esp32, String max3232) {
        String vcc = netOfFunction(n, max3232, "VCC");
        List<Integer> found = new ArrayList<>();
        for (Netlist.Node bridge : n.nodesOf(vcc)) {
            if (bridge.ref().equals(max3232) || bridge.ref().equals(esp32)) continue;
            for (Map.Entry<String, List<Netlist.Node>> e : n.nets().entrySet()) {
                boolean otherPinOfBridge = e.getValue().stream()
                        .anyMatch(x -> x.ref().equals(bridge.ref()) && !x.pin().equals(bridge.pin()));
                if (otherPinOfBridge) gpioOn(n, esp32, e.getKey()).ifPresent(found::add);
            }
        }
        if (found.size() > 1) throw new IllegalStateException("more than one GPIO reaches the MAX3232 VCC: " + found);
        return found.stream().findFirst();
    }

    private static int gpioOnNet(Netlist n, String esp32, String net) {
        return gpioOn(n, esp32, net).orElseThrow(() -> new IllegalStateException("no ESP32 GPIO on net " + net));
    }

    private static Optional<Integer> gpioOn(Netlist n, String esp32, String net) {
        for (Netlist.Node x : n.nodesOf(net)) {
            if (!x.ref().equals(esp32) || x.function() == null) continue;
            Matcher m = GPIO.matcher(x.function());
            if (m.find()) return Optional.of(Integer.parseInt(m.group(1)));
        }
        return Optional.empty();
    }

    private static String net(Netlist n, String ref, String pin) {
        return n.netOf(ref, pin).orElseThrow(() -> new IllegalStateException(ref + " pin " + pin + " is not in the netlist"));
    }

    private static String netOfFunction(Netlist n, String ref, String function) {
        for (Map.Entry<String, List<Netlist.Node>> e : n.nets().entrySet()) {
            for (Netlist.Node x : e.getValue()) {
                if (x.ref().equals(ref) && function.equals(x.function())) return e.getKey();
            }
        }
        throw new IllegalStateException(ref + " has no pin " + function);
    }

    private static String partWithPinFunction(Netlist n, String function) {
        return n.nets().values().stream().flatMap(List::stream).filter(x -> function.equals(x.function()))
                .map(Netlist.Node::ref).findFirst()
                .orElseThrow(() -> new IllegalStateException("no part with a pin " + function + " (the MAX3232)"));
    }

    private static String partWithMost(Netlist n, Pattern function) {
        Map<String, Integer> count = new LinkedHashMap<>();
        n.nets().values().stream().flatMap(List::stream)
                .filter(x -> x.function() != null && function.matcher(x.function()).find())
                .forEach(x -> count.merge(x.ref(), 1, Integer::sum));
        return count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException("no ESP32 module (no IOn pins) in the netlist"));
    }
}
