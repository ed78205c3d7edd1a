package org.mepkit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String BOOT = String.join("\r\n",
            "Preferences are valid",
            "wifi_ssid: 'bench'",
            "wifi_pwd: 'hunter2'",
            "user_login: 'mep'",
            "user_pwd: 'it's a secret'",
            "mep_key: '0123456789ABCDEF0123'",
            "mqtt_enable: 1",
            "mqtt_server: 10.0.0.2",
            "mqtt_user: meter",
            "mqtt_pw: pa ss",
            "") ;

    @Test
    void hidesTheFirmwaresSecretBootLinesAndKeepsTheRest() {
        String out = Redactor.firmware().redact(BOOT);
        assertEquals(String.join("\r\n",
                "Preferences are valid",
                "wifi_ssid: 'bench'",
                "wifi_pwd: '***'",
                "user_login: 'mep'",
                "user_pwd: '***'",
                "mep_key: '***'",
                "mqtt_enable: 1",
                "mqtt_server: 10.0.0.2",
                "mqtt_user: meter",
                "mqtt_pw: ***",
                ""), out);
    }

    @Test
    void hidesEmptySecretLinesToo() {
        assertEquals("wifi_pwd: '***'\nmqtt_pw: ***", Redactor.firmware().redact("wifi_pwd: ''\nmqtt_pw: "));
    }

    @Test
    void hidesKnownValuesAnywhereLongestFirst() {
        Redactor r = Redactor.firmware().withSecrets(List.of("abc", "abcdef", ""));
        assertEquals("key=*** and ***", r.redact("key=abcdef and abc"));
    }

    @Test
    void secretValuesInOtherLinesAreHiddenOnlyWhenKnown() {
        String line = "Connected with password hunter2";
        assertEquals(line, Redactor.firmware().redact(line));
        String out = Redactor.firmware().withSecrets(List.of("hunter2")).redact(line);
        assertFalse(out.contains("hunter2"));
        assertTrue(out.endsWith(Redactor.MARKER));
    }

    @Test
    void namesSecretKeys() {
        assertTrue(Redactor.isSecretKey("mep_key"));
        assertTrue(Redactor.isSecretKey("MQTT_PASSWORD"));
        assertFalse(Redactor.isSecretKey("wifi_ssid"));
        assertEquals(Redactor.MARKER, Redactor.displayValue("user_password", "x"));
        assertEquals("x", Redactor.displayValue("user_login", "x"));
    }
}
