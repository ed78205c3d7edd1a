package org.mepkit.bootlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BootLogCheckTest {

    static final String ROM = "ets Jun  8 2016 00:22:57\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n"
            + "configsip: 0, SPIWP:0xee\r\nload:0x3fff0030,len:1184\r\nentry 0x400805f0\r\n";
    static final String FIRMWARE = "Preferences are valid\r\nwifi_ssid: ''\r\nwifi_pwd: '***'\r\nuser_login: 'mep'\r\n"
            + "user_pwd: '***'\r\nmep_key: '***'\r\nmqtt_enable: 0\r\nmqtt_server: \r\nmqtt_user: \r\nmqtt_pw: ***\r\n\r\n."
            + "Setting up AP (Access Point) esp32-mep\r\nAP IP address: 192.168.4.1\r\nmDNS responder started\r\n"
            + "Setting RS3232 pin 1\r\nSetting ENABLE pin 1\r\nNo MEP key set, disabling MEP communication until next reboot...\r\n";

    @Test
    void aNormalBootStarted() {
        BootLogCheck.Result r = BootLogCheck.check(ROM + FIRMWARE);
        assertEquals(BootVerdict.STARTED, r.verdict());
        assertEquals(java.util.List.of("Preferences are valid", "wifi_ssid:", "mep_key:", "mqtt_pw:", "Setting ENABLE pin 1", "No MEP key set"), r.markers());
        assertEquals(true, BootLogCheck.finished(ROM + FIRMWARE));
    }

    @Test
    void freshNvsIsStillAStart() {
        assertEquals(BootVerdict.STARTED, BootLogCheck.check(FIRMWARE.replace("are valid", "initialized")).verdict());
    }

    @Test
    void guruMeditationIsACrash() {
        var r = BootLogCheck.check(ROM + "Preferences are valid\r\nGuru Meditation Error: Core  1 panic'ed (LoadProhibited). Exception was unhandled.\r\n");
        assertEquals(BootVerdict.CRASHED, r.verdict());
        assertEquals("Guru Meditation Error: Core  1 panic'ed (LoadProhibited). Exception was unhandled.", r.evidence());
    }

    @Test
    void brownoutAndBootLoops() {
        assertEquals(BootVerdict.BROWNOUT, BootLogCheck.check(ROM + "\r\nBrownout detector was triggered\r\n").verdict());
        assertEquals(BootVerdict.BOOT_LOOP, BootLogCheck.check(ROM + ROM).verdict());
        assertEquals(BootVerdict.BOOT_LOOP, BootLogCheck.check("rst:0x10 (RTCWDT_RTC_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\ninvalid header: 0xffffffff\r\n").verdict());
    }

    @Test
    void stillInDownloadModeMeansTheJumperIsFitted() {
        var r = BootLogCheck.check("ets Jun  8 2016 00:22:57\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\nwaiting for download\r\n");
        assertEquals(BootVerdict.DOWNLOAD_MODE, r.verdict());
        assertEquals(true, r.verdict().meaning().contains("J7"));
    }

    @Test
    void silenceAndPartialOutput() {
        assertEquals(BootVerdict.SILENT, BootLogCheck.check("").verdict());
        assertEquals(BootVerdict.INCOMPLETE, BootLogCheck.check(ROM).verdict());
        assertEquals(false, BootLogCheck.finished(ROM));
    }
}
