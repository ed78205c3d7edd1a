package org.mepkit.hw;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code hardware/variants.json}: the assembly variants and the parts whose value may change. */
public record VariantTable(List<Variant> variants, Set<String> selectable) {

    public static VariantTable load(Path file) {
        try {
            return parse(new ObjectMapper().readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new HwFormatException(file + ": " + e.getMessage(), e);
        }
    }

    static VariantTable parse(JsonNode root) {
        List<Variant> list = new ArrayList<>();
        for (JsonNode v : root.path("variants")) {
            Map<String, Boolean> fitted = new LinkedHashMap<>();
            v.path("fitted").fields().forEachRemaining(e -> fitted.put(e.getKey(), e.getValue().asBoolean(true)));
            Map<String, String> values = new LinkedHashMap<>();
            v.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            Map<String, String> jumpers = new LinkedHashMap<>();
            v.path("jumpers").fields().forEachRemaining(e -> jumpers.put(e.getKey(), e.getValue().asText()));
            if (v.path("name").asText("").isEmpty()) throw new HwFormatException("variants.json: a variant has no name");
            list.add(new Variant(v.path("name").asText(), v.path("default").asBoolean(false),
                    v.path("description").asText(""), fitted, values, jumpers));
        }
        java.util.SortedSet<String> selectable = new TreeSet<>();
        root.path("selectable").forEach(n -> selectable.add(n.asText()));
        if (list.isEmpty()) throw new HwFormatException("variants.json: no variants");
        return new VariantTable(List.copyOf(list), java.util.Collections.unmodifiableSortedSet(selectable));
    }

    public Optional<Variant> byName(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public Variant defaultVariant() {
        return variants.stream().filter(Variant::isDefault).findFirst()
                .orElseThrow(() -> new HwFormatException("variants.json: no default variant"));
    }
}
