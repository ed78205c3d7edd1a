package org.mepkit.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The recovery data in firmware-spec and the Java reference policies say the same thing. */
class RecoveryPolicySpecTest {

    private static RecoveryPolicy fromSpec(String name) throws IOException {
        try (InputStream in = RecoveryPolicySpecTest.class.getResourceAsStream("/org/mepkit/spec/recovery-" + name + ".json")) {
            assertNotNull(in, "recovery-" + name + ".json on the class path (firmware-spec)");
            JsonNode j = new ObjectMapper().readTree(in);
            JsonNode t = j.get("suspectThresholds");
            return new RecoveryPolicy(j.get("profile").asText(),
                    ms(j.get("replyTimeout").get("fixedMs")), ms(j.get("replyTimeout").get("allowanceMs")),
                    j.get("replyTimeout").get("wireFactor").asDouble(),
                    ms(j.get("coolOffMs")), j.get("backoff").asDouble(), ms(j.get("maxCoolOffMs")),
                    ms(j.get("settleMs")), ms(j.get("enableSettleMs")),
                    threshold(t.get("garbageBytes")), threshold(t.get("framingErrors")), threshold(t.get("authAnomalies")),
                    RecoveryPolicy.Probe.valueOf(j.get("probe").asText()), j.get("maxCycles").asInt(),
                    RecoveryPolicy.Escalation.valueOf(j.get("escalation").asText()), ms(j.get("escalationDelayMs")));
        }
    }

    private static Duration ms(JsonNode n) {
        return Duration.ofMillis(n.asLong());
    }

    private static int threshold(JsonNode n) {
        return n.isNull() ? Integer.MAX_VALUE : n.asInt();
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "legacy"})
    void specDataEqualsTheJavaPolicy(String name) throws IOException {
        assertEquals(RecoveryPolicy.named(name), fromSpec(name));
    }

    @org.junit.jupiter.api.Test
    void unknownProfileNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> RecoveryPolicy.named("fast"));
    }
}
