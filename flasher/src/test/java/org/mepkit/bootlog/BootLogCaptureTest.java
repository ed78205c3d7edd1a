package org.mepkit.bootlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mepkit.report.Redactor;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.time.SystemTicker;

/** Capture over an in-memory line pair; every wait is bounded by the capture limit. */
class BootLogCaptureTest {

    private static final String SECRET_BOOT = "Preferences are valid\r\nwifi_ssid: 'bench'\r\nwifi_pwd: 'hunter22'\r\n"
            + "user_login: 'mep'\r\nuser_pwd: ''\r\nmep_key: '0123456789ABCDEF0123'\r\nmqtt_enable: 1\r\n"
            + "mqtt_server: 10.0.0.2\r\nmqtt_user: m\r\nmqtt_pw: mqttsecret\r\n\r\n..Connected with hunter22\r\n"
            + "Setting RS3232 pin 1\r\nSetting ENABLE pin 1\r\nQueued request at index 0\r\n";

    @Test
    void stopsAtTheSettledLineAndStoresTheLogRedacted() throws Exception {
        LinePair pair = LinePair.create("host", "board", LineSettings.CONSOLE);
        pair.b().write((BootLogCheckTest.ROM + SECRET_BOOT).getBytes(StandardCharsets.ISO_8859_1));
        var capture = new BootLogCapture(SystemTicker.INSTANCE, Redactor.firmware().withSecrets(List.of("hunter22")));
        BootLogCapture.BootLog log = capture.capture(pair.a(), Duration.ofSeconds(10));
        assertFalse(log.hitLimit());
        assertEquals(BootVerdict.STARTED, log.result().verdict());
        assertFalse(log.text().contains("hunter22"), log.text());
        assertFalse(log.text().contains("0123456789ABCDEF0123"), log.text());
        assertFalse(log.text().contains("mqttsecret"), log.text());
        assertTrue(log.text().contains("mep_key: '***'"));
        assertTrue(log.text().contains("Connected with hunter22".replace("hunter22", Redactor.MARKER)));
    }

    @Test
    void givesUpAtTheLimitWhenTheBoardIsSilent() throws Exception {
        LinePair pair = LinePair.create("host", "board", LineSettings.CONSOLE);
        var capture = new BootLogCapture(SystemTicker.INSTANCE, Redactor.firmware());
        BootLogCapture.BootLog log = capture.capture(pair.a(), Duration.ofMillis(300));
        assertTrue(log.hitLimit());
        assertEquals(BootVerdict.SILENT, log.result().verdict());
        assertTrue(log.took().toMillis() >= 300);
    }
}
