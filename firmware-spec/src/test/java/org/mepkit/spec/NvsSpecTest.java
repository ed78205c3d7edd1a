package org.mepkit.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NvsSpecTest {

    private final NvsSpec nvs = BoardRegistry.load().require("esp32-mep-v1.10").nvs();

    @Test
    void theNamespaceAndItsMarker() {
        assertEquals("esp32-mep", nvs.namespace());
        assertEquals("esp32-mep", nvs.markerKey());
        assertEquals("esp32-mep", nvs.markerValue());
    }

    @Test
    void theFirmwareReadsTheseTenKeys() {
        assertEquals(List.of("wifi_ssid", "wifi_password", "user_login", "user_password", "mep_key", "mqtt_enable",
                "mqtt_topic", "mqtt_server", "mqtt_user", "mqtt_password"),
                nvs.keys().stream().map(NvsKey::name).toList());
    }

    @ParameterizedTest(name = "{0} keeps {1} characters")
    @CsvSource({"wifi_ssid,32", "wifi_password,64", "user_login,32", "user_password,64", "mep_key,20",
            "mqtt_topic,24", "mqtt_server,14", "mqtt_user,32", "mqtt_password,64"})
    void stringKeysKeepAtMostTheirBufferMinusOne(String key, int max) {
        NvsKey k = nvs.find(key).orElseThrow();
        assertEquals(NvsKey.Type.STRING, k.type());
        assertEquals(max, k.maxLength());
    }

    @Test
    void passwordsAndTheMbkKeyAreSecret() {
        assertEquals(List.of("wifi_password", "user_password", "mep_key", "mqtt_password"),
                nvs.secrets().stream().map(NvsKey::name).toList());
    }

    @Test
    void defaults() {
        assertEquals("mep", nvs.find("user_login").orElseThrow().defaultValue());
        assertEquals("0".repeat(40), nvs.find("mep_key").orElseThrow().defaultValue());
        NvsKey mqttEnable = nvs.find("mqtt_enable").orElseThrow();
        assertEquals(NvsKey.Type.BOOL, mqttEnable.type());
        assertEquals("u8", mqttEnable.type().nvsEncoding());
        assertEquals("false", mqttEnable.defaultValue());
    }

    @Test
    void keyNamesFitNvsFifteenCharacterLimit() {
        nvs.keys().forEach(k -> assertTrue(k.name().length() <= 15, k.name()));
        assertTrue(nvs.namespace().length() <= 15);
    }

    @Test
    void anOverLongValueIsReportedWithoutEchoingIt() {
        NvsKey key = nvs.find("wifi_password").orElseThrow();
        String secret = "s3cret-".repeat(10);
        Optional<String> problem = key.problemWith(secret);
        assertEquals(Optional.of("wifi_password is 70 characters; the firmware keeps at most 64"), problem);
        assertFalse(problem.get().contains("s3cret"));
        assertEquals(Optional.empty(), key.problemWith("s3cret"));
    }

    @Test
    void theMqttServerFieldIsTooShortForAFullIpv4Address() {
        assertTrue(nvs.find("mqtt_server").orElseThrow().problemWith("192.168.100.100").isPresent());
        assertTrue(nvs.find("mqtt_server").orElseThrow().problemWith("10.0.0.5").isEmpty());
    }

    @Test
    void boolsAcceptTrueFalseOneZero() {
        NvsKey key = nvs.find("mqtt_enable").orElseThrow();
        assertTrue(key.problemWith("true").isEmpty());
        assertTrue(key.problemWith("0").isEmpty());
        assertEquals(Optional.of("mqtt_enable must be true, false, 1 or 0"), key.problemWith("yes"));
    }
}
