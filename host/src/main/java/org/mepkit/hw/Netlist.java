package org.mepkit.hw;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a KiCad netlist says: the parts and, per net, the pins on it. */
public record Netlist(Map<String, Part> parts, Map<String, List<Node>> nets) {

    /** A schematic part. {@code dnp} is true when the symbol is marked "do not populate". */
    public record Part(String ref, String value, String footprint, boolean dnp) {
    }

    /** A pin on a net; {@code function} is the pin name (e.g. {@code R2OUT}, {@code IO16}). */
    public record Node(String ref, String pin, String function) {
    }

    /** Parses {@code kicad-cli sch export netlist --format kicadsexpr} output. */
    public static Netlist parse(String text) {
        SExpr root = SExpr.parse(text);
        if (!root.head().equals("export")) throw new HwFormatException("not a KiCad netlist (no (export ...))");
        Map<String, Part> parts = new LinkedHashMap<>();
        SExpr comps = root.first("components").orElseThrow(() -> new HwFormatException("netlist has no components"));
        for (SExpr c : comps.all("comp")) {
            boolean dnp = c.all("property").stream().anyMatch(p -> p.value("name").equals("dnp"));
            parts.put(c.value("ref"), new Part(c.value("ref"), c.value("value"), c.value("footprint"), dnp));
        }
        Map<String, List<Node>> nets = new LinkedHashMap<>();
        SExpr netsNode = root.first("nets").orElseThrow(() -> new HwFormatException("netlist has no nets"));
        for (SExpr n : netsNode.all("net")) {
            List<Node> nodes = new ArrayList<>();
            for (SExpr x : n.all("node")) nodes.add(new Node(x.value("ref"), x.value("pin"), x.value("pinfunction")));
            nets.put(n.value("name"), nodes);
        }
        return new Netlist(parts, nets);
    }

    /** The name of the net a pin is on, without KiCad's root-sheet prefix {@code /}. */
    public Optional<String> netOf(String ref, String pin) {
        for (Map.Entry<String, List<Node>> e : nets.entrySet()) {
            for (Node n : e.getValue()) {
                if (n.ref().equals(ref) && n.pin().equals(pin)) return Optional.of(plain(e.getKey()));
            }
        }
        return Optional.empty();
    }

    /** The pins on a net given by its plain name ({@code RXD2_TTL} or {@code /RXD2_TTL}). */
    public List<Node> nodesOf(String net) {
        for (Map.Entry<String, List<Node>> e : nets.entrySet()) {
            if (plain(e.getKey()).equals(plain(net))) return e.getValue();
        }
        return List.of();
    }

    public Optional<Node> node(String ref, String pin) {
        return nets.values().stream().flatMap(List::stream)
                .filter(n -> n.ref().equals(ref) && n.pin().equals(pin)).findFirst();
    }

    /** True for KiCad's names of single-pin nets ({@code unconnected-(...)}). */
    public static boolean isUnconnected(String net) {
        return net.startsWith("unconnected-(") || net.startsWith("Net-(");
    }

    static String plain(String net) {
        return net.startsWith("/") ? net.substring(1) : net;
    }
}
