package org.mepkit.hw;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a board netlist against firmware-spec's pin map: every GPIO the firmware uses must sit
 * on the named net together with the named peer pin, and the meter connector's pads must carry
 * the right signals. Changing the pin map and not the schematic (or the other way) fails here.
 */
public final class NetlistCheck {

    private NetlistCheck() {
    }

    /** Returns the findings; an empty list means the netlist matches the pin map. */
    public static List<String> check(Netlist netlist, PinMap map) {
        List<String> out = new ArrayList<>();
        Optional<String> module = netlist.parts().values().stream()
                .filter(p -> p.value().startsWith(map.module())).map(Netlist.Part::ref).findFirst();
        if (module.isEmpty()) {
            out.add("no part with value " + map.module() + "* (the ESP32 module) in the netlist");
            return out;
        }
        String u = module.get();
        for (PinMap.Signal s : map.signals()) {
            String where = s.name() + " (GPIO" + s.gpio() + ", " + u + " pin " + s.modulePin() + ")";
            Optional<Netlist.Node> pin = netlist.node(u, String.valueOf(s.modulePin()));
            if (pin.isEmpty()) {
                out.add(where + ": module pin not found in the netlist");
                continue;
            }
            if (!Pattern.compile("(^|/)IO" + s.gpio() + "($|/)").matcher(pin.get().function()).find()) {
                out.add(where + ": module pin " + s.modulePin() + " is " + pin.get().function() + ", not GPIO" + s.gpio());
            }
            expectNet(out, netlist, where, u, String.valueOf(s.modulePin()), s.net());
            expectPin(out, netlist, where, s.peer(), s.net());
            if (!s.via().isEmpty() && s.target() != null) {
                String other = s.viaPin().isEmpty() ? otherPin(netlist, s.via(), s.peer().pin()) : s.viaPin();
                if (other == null) {
                    out.add(where + ": " + s.via() + " is not a two-pin part in the netlist");
                } else {
                    Optional<String> viaNet = netlist.netOf(s.via(), other);
                    Optional<String> targetNet = netlist.netOf(s.target().ref(), s.target().pin());
                    if (viaNet.isEmpty() || !viaNet.equals(targetNet)) {
                        out.add(where + ": " + s.via() + " pin " + other + " (" + viaNet.orElse("no net") + ") does not reach "
                                + s.target().ref() + " pin " + s.target().pin() + " " + s.target().pinName()
                                + " (" + targetNet.orElse("no net") + ")");
                    }
                    expectFunction(out, netlist, where, s.target());
                }
            }
        }
        for (PinMap.MeterPin p : map.meterPins()) {
            String where = map.meterRef() + " pad " + p.pin() + " (" + p.function() + ")";
            Optional<String> net = netlist.netOf(map.meterRef(), String.valueOf(p.pin()));
            if (net.isEmpty()) {
                out.add(where + ": pad not found in the netlist");
            } else if (p.net() == null) {
                if (!Netlist.isUnconnected(net.get()) && netlist.nodesOf(net.get()).size() > 1) {
                    out.add(where + ": must be unconnected but is on net " + net.get());
                }
            } else if (!net.get().equals(p.net())) {
                out.add(where + ": is on net " + net.get() + ", pin map says " + p.net());
            }
        }
        return out;
    }

    private static void expectNet(List<String> out, Netlist n, String where, String ref, String pin, String net) {
        Optional<String> actual = n.netOf(ref, pin);
        if (actual.isEmpty() || !actual.get().equals(net)) {
            out.add(where + ": " + ref + " pin " + pin + " is on net " + actual.orElse("(none)") + ", pin map says " + net);
        }
    }

    private static void expectPin(List<String> out, Netlist n, String where, PinMap.PinRef peer, String net) {
        expectNet(out, n, where, peer.ref(), peer.pin(), net);
        expectFunction(out, n, where, peer);
    }

    private static void expectFunction(List<String> out, Netlist n, String where, PinMap.PinRef p) {
        if (p.pinName().isEmpty()) return;
        Optional<Netlist.Node> node = n.node(p.ref(), p.pin());
        if (node.isPresent() && !node.get().function().equals(p.pinName())) {
            out.add(where + ": " + p.ref() + " pin " + p.pin() + " is " + node.get().function() + ", pin map says " + p.pinName());
        }
    }

    private static String otherPin(Netlist n, String ref, String pin) {
        List<String> pins = n.nets().values().stream().flatMap(List::stream)
                .filter(x -> x.ref().equals(ref)).map(Netlist.Node::pin).distinct().toList();
        if (pins.size() != 2 || !pins.contains(pin)) return null;
        return pins.get(0).equals(pin) ? pins.get(1) : pins.get(0);
    }
}
