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
        assertEquals(BootVerdict.BOOT_LOOP, BootLogCheck.check("rst:0x10 (RTCWDT_RTC_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\ninvalid header: 0x3c2d2d2d\r\n").verdict());
    }

    @Test
    void erasedFlashIsBlankNotABootLoop() {
        var noBootloader = BootLogCheck.check("rst:0x10 (RTCWDT_RTC_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\ninvalid header: 0xffffffff\r\n"
                + "invalid header: 0xffffffff\r\n" + ROM + "invalid header: 0xffffffff\r\n");
        assertEquals(BootVerdict.BLANK, noBootloader.verdict());
        assertEquals("invalid header: 0xffffffff", noBootloader.evidence());
        var noApp = BootLogCheck.check(ROM + "E (44) esp_image: image at 0x10000 has invalid magic byte (nothing flashed here?)\r\n" + ROM);
        assertEquals(BootVerdict.BLANK, noApp.verdict());
        var badApp = BootLogCheck.check(ROM + "E (40) boot_comm: mismatch chip ID, expected 0, found 5\r\n"
                + "E (44) esp_image: image at 0x150000 has invalid magic byte (nothing flashed here?)\r\n" + ROM);
        assertEquals(BootVerdict.BOOT_LOOP, badApp.verdict(), "one slot refused, the other empty: a bad flash, not a blank one");
        assertEquals(true, BootLogCheck.finished(ROM + "invalid header: 0xffffffff\r\n"));
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

    @Test
    void theLogSaysWhichAppRunsWhenTheBootloaderAndAppLogAtInfo() {
        String log = ROM + "I (112) boot: Loaded app from partition at offset 0x150000\r\n"
                + "I (120) cpu_start: Project name:     arduino-lib-builder\r\nI (121) cpu_start: App version:      esp-idf: v4.4.6 3572900934\r\n"
                + "I (122) cpu_start: Compile time:     Oct  4 2023 16:47:06\r\nI (123) cpu_start: ELF file SHA256:  c1bbe2fb1edcb1f0...\r\n"
                + "I (124) cpu_start: ESP-IDF:          v4.4.6-dirty\r\n" + FIRMWARE;
        RunningApp app = BootLogCheck.check(log).running();
        assertEquals(java.util.OptionalLong.of(0x150000), app.partitionOffset());
        assertEquals("arduino-lib-builder", app.project().orElseThrow());
        assertEquals("esp-idf: v4.4.6 3572900934", app.version().orElseThrow());
        assertEquals("Oct  4 2023 16:47:06", app.compiled().orElseThrow());
        assertEquals("c1bbe2fb1edcb1f0", app.elfShaPrefix().orElseThrow());
    }

    @Test
    void esp_idf5NamesTheSameFieldsUnderAnotherTagWithAShorterHash() {
        RunningApp app = RunningApp.parse("I (428) app_init: Project name:     smart_config\r\nI (444) app_init: ELF file SHA256:  e160c722f...\r\n");
        assertEquals("smart_config", app.project().orElseThrow());
        assertEquals("e160c722f", app.elfShaPrefix().orElseThrow());
    }

    @Test
    void anUpstreamArduinoBootNamesNoApp() {
        RunningApp app = BootLogCheck.check(ROM + FIRMWARE).running();
        assertEquals(false, app.identified());
        assertEquals(true, app.partitionOffset().isEmpty());
    }

    @Test
    void freshPreferencesMeanTheFirmwareErasedItsSettings() {
        assertEquals(true, BootLogCheck.check(FIRMWARE.replace("are valid", "initialized")).settingsErased());
        assertEquals(false, BootLogCheck.check(FIRMWARE).settingsErased());
    }
}
