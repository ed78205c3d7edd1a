package org.mepkit.hw;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The board pin map from firmware-spec ({@code org/mepkit/spec/pinmap-esp32-mep.json}): which
 * ESP32 GPIO drives which net and which peer pin, and what each meter-connector pad carries.
 */
public record PinMap(String module, List<Signal> signals, String meterRef, List<MeterPin> meterPins) {

    public static final String RESOURCE = "/org/mepkit/spec/pinmap-esp32-mep.json";

    /** A pin reference; {@code pinName} may be empty when the map does not name the pin. */
    public record PinRef(String ref, String pin, String pinName) {
    }

    /**
     * One ESP32 signal. {@code via} (optional) is a part between the net and {@code target};
     * {@code viaPin} names the via's pin that reaches the target when the part has more than two
     * (a 3-pad solder jumper), else it is empty.
     */
    public record Signal(String name, int gpio, int modulePin, String net, PinRef peer, String via, String viaPin, PinRef target) {
    }

    /** A meter-connector pad; {@code net} is null for a pad that must stay unconnected. */
    public record MeterPin(int pin, String function, String net) {
    }

    public static PinMap load() {
        return load(RESOURCE);
    }

    /** The pin map firmware-spec's boards.json names for this board; a board it does not list is an error. */
    public static PinMap forBoard(String board) {
        JsonNode index = read("/org/mepkit/spec/boards.json");
        for (JsonNode b : index.path("boards")) {
            if (b.path("name").asText().equals(board)) return load("/org/mepkit/spec/" + b.path("pinMap").asText());
        }
        throw new HwFormatException("board " + board + " is not in firmware-spec's boards.json (add it with its pin map)");
    }

    static PinMap load(String resource) {
        return parse(read(resource));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = PinMap.class.getResourceAsStream(resource)) {
            if (in == null) throw new HwFormatException("pin map resource " + resource + " is missing");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new HwFormatException(resource + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static PinMap parse(JsonNode root) {
        List<Signal> signals = new ArrayList<>();
        for (JsonNode s : root.path("signals")) {
            signals.add(new Signal(text(s, "signal"), s.path("gpio").asInt(-1), s.path("modulePin").asInt(-1),
                    text(s, "net"), pinRef(s.path("peer")), s.path("via").asText(""), s.path("viaPin").asText(""),
                    s.has("target") ? pinRef(s.path("target")) : null));
        }
        JsonNode mc = root.path("meterConnector");
        List<MeterPin> pins = new ArrayList<>();
        for (JsonNode p : mc.path("pins")) {
            pins.add(new MeterPin(p.path("pin").asInt(), p.path("function").asText(""),
                    p.path("net").isNull() ? null : p.path("net").asText()));
        }
        if (signals.isEmpty() || pins.isEmpty()) throw new HwFormatException("pin map has no signals or no meter pins");
        return new PinMap(text(root, "module"), signals, text(mc, "ref"), pins);
    }

    private static PinRef pinRef(JsonNode n) {
        return new PinRef(text(n, "ref"), n.path("pin").asText(""), n.path("pinName").asText(""));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new HwFormatException("pin map: missing field '" + field + "'");
        return v.asText();
    }
}
