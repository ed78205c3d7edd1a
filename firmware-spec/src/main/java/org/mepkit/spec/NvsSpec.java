package org.mepkit.spec;

import java.util.List;
import java.util.Optional;

/**
 * The firmware's persistent settings: one NVS namespace, a marker key that must hold a fixed
 * value (otherwise the firmware erases the whole NVS partition), and the keys it reads.
 */
public record NvsSpec(String namespace, String markerKey, String markerValue, List<NvsKey> keys) {

    public NvsSpec {
        keys = List.copyOf(keys);
    }

    public Optional<NvsKey> find(String keyName) {
        return keys.stream().filter(k -> k.name().equals(keyName)).findFirst();
    }

    /** The keys whose values must never be printed. */
    public List<NvsKey> secrets() {
        return keys.stream().filter(NvsKey::secret).toList();
    }
}
