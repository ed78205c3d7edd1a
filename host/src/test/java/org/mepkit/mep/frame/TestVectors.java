package org.mepkit.mep.frame;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.mepkit.util.Hex;

/** The request vectors of mep-protocol.md §5.5 (copied into test resources, see vectors/README.md). */
public record TestVectors(String name, String key, byte[] body, long seq, byte[] packet, byte[] digest) {

    @Override
    public String toString() {
        return name;
    }

    public static List<TestVectors> all() {
        try (InputStream in = TestVectors.class.getResourceAsStream("/vectors/mep-test-vectors.json")) {
            if (in == null) throw new IllegalStateException("vectors/mep-test-vectors.json missing from test resources");
            List<TestVectors> out = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                out.add(new TestVectors(n.get("name").asText(), n.get("key").asText(), Hex.parse(n.get("body_hex").asText()),
                        n.get("seq").asLong(), Hex.parse(n.get("packet_hex").asText()), Hex.parse(n.get("digest_hex").asText())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
