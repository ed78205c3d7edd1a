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

    /** One ESP32 signal. {@code via} (optional) is a part between the net and {@code target}. */
    public record Signal(String name, int gpio, int modulePin, String net, PinRef peer, String via, PinRef target) {
    }

    /** A meter-connector pad; {@code net} is null for a pad that must stay unconnected. */
    public record MeterPin(int pin, String function, String net) {
    }

    public static PinMap load() {
        try (InputStream in = PinMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new HwFormatException("pin map resource " + RESOURCE + " is missing");
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new HwFormatException("pin map " + RESOURCE + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static PinMap parse(JsonNode root) {
        List<Signal> signals = new ArrayList<>();
        for (JsonNode s : root.path("signals")) {
            signals.add(new Signal(text(s, "signal"), s.path("gpio").asInt(-1), s.path("modulePin").asInt(-1),
                    text(s, "net"), pinRef(s.path("peer")), s.path("via").asText(""),
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
