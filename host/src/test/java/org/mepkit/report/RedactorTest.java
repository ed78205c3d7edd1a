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

    /** Boot lines whose values mepkit does not know (an NVS image from elsewhere, no provisioning): issue 17's variants. */
    @Test
    void hidesUnknownValuesWhateverThePrefixQuotingOrTrailingText() {
        assertEquals("[E][WiFi] wifi_pwd: '***'\r\n", Redactor.firmware().redact("[E][WiFi] wifi_pwd: 'hunter2'\r\n"));
        assertEquals("wifi_pwd: '***", Redactor.firmware().redact("wifi_pwd: 'hunter2"), "no closing quote: to the end of the line");
        assertEquals("mep_key: '***' (20 chars)", Redactor.firmware().redact("mep_key: '0123456789ABCDEF0123' (20 chars)"));
        assertEquals("12:00:01 mqtt_pw: ***  ", Redactor.firmware().redact("12:00:01 mqtt_pw: pa ss word  "));
        assertEquals("{\"mep_key\":\"***\"}", Redactor.firmware().redact("{\"mep_key\":\"0123456789ABCDEF0123\"}"));
        assertEquals("set WIFI_PASSWORD=***", Redactor.firmware().redact("set WIFI_PASSWORD=hunter2 now"));
        assertEquals("user_pwd: '***'", Redactor.firmware().redact("user_pwd: 'a' mep_key: 'b'"), "two on a line: hidden together up to the last quote");
    }

    @Test
    void leavesLongerNamesAndOtherSettingsAlone() {
        String text = "mep_key_length: 20\nwifi_ssid: 'lab'\nmy_wifi_pwd_hint: none\nthe mep_key is set\n";
        assertEquals(text, Redactor.firmware().redact(text));
    }

    @Test
    void everySecretOfTheFirmwareContractIsALabelTheRedactorKnows() {
        for (org.mepkit.spec.NvsKey k : org.mepkit.spec.BoardRegistry.load().require("esp32-mep-v2.00").nvs().secrets()) {
            assertTrue(Redactor.isSecretKey(k.name()), k.name());
            assertEquals(k.name() + ": ***", Redactor.firmware().redact(k.name() + ": s3cret"));
        }
    }
}
