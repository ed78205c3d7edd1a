package org.mepkit.bootlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mepkit.report.Redactor;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.OpenPty;
import org.mepkit.time.SystemTicker;

/** The boot log read from a real tty (a pty whose master plays the board) through jSerialComm at 115200. */
class BootLogOverPtyTest {

    @Test
    void capturesAndRedactsWhatTheBoardPrints() throws Exception {
        try (OpenPty pty = OpenPty.open(); SerialLine line = JscPorts.open(pty.portPath(), LineSettings.CONSOLE)) {
            assertEquals(115200, pty.baud());
            pty.write((BootLogCheckTest.ROM + "Preferences initialized\r\nwifi_ssid: ''\r\nwifi_pwd: 'pw-on-the-wire'\r\n"
                    + "user_login: 'mep'\r\nuser_pwd: ''\r\nmep_key: '0000000000000000000000000000000000000000'\r\nmqtt_enable: 0\r\n"
                    + "mqtt_server: \r\nmqtt_user: \r\nmqtt_pw: \r\n\r\n.Setting up AP (Access Point) esp32-mep\r\n"
                    + "Setting RS3232 pin 1\r\nSetting ENABLE pin 1\r\nNo MEP key set, disabling MEP communication until next reboot...\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            BootLogCapture.BootLog log = new BootLogCapture(SystemTicker.INSTANCE, Redactor.firmware().withSecrets(List.of()))
                    .capture(line, Duration.ofSeconds(10));
            assertEquals(BootVerdict.STARTED, log.result().verdict());
            assertFalse(log.hitLimit());
            assertFalse(log.text().contains("pw-on-the-wire"), log.text());
        }
    }
}
