package org.mepkit.flasher.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.cli.ExitCodes;
import org.mepkit.esp.image.ImageBuilder;
import org.mepkit.esp.partition.DefaultPartitionTables;
import org.mepkit.esp.partition.PartitionTableCodec;
import org.mepkit.esptool.EsptoolLocator;
import org.mepkit.esptool.FakeEsptool;
import org.mepkit.esptool.ProcessLauncher;
import org.mepkit.flash.BatchRecord;
import org.mepkit.flash.BenchLog;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.memory.LinePair;
import org.mepkit.time.ManualTicker;
import org.mepkit.time.Ticker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code mep flash} end to end against the fake esptool: exact argv, output, exit codes, boot log. */
class FlashCommandTest {

    @TempDir
    Path dir;
    Path app;
    Path bootloader;
    Path table;
    /** Stands for the adapter's device node: it must exist, esptool (the fake) never opens it. */
    String port;

    @BeforeEach
    void images() throws Exception {
        port = write("ttyUSB7", new byte[0]).toString();
        app = write("app.bin", ImageBuilder.app().build());
        bootloader = write("bl.bin", ImageBuilder.bootloader().build());
        table = write("pt.bin", PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb()));
    }

    private Path write(String name, byte[] data) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, data);
        return p;
    }

    private FlashCommand command() {
        FlashCommand c = new FlashCommand();
        c.env = Map.of("PATH", dir.resolve("empty").toString());
        c.home = dir.resolve("home");
        return c;
    }

    private FakeEsptool fake(String version, String scenario) {
        return FakeEsptool.install(dir.resolve("fake"), version, scenario, 0);
    }

    @Test
    void flashesPairsWithV5KebabCaseAndManualBoot() {
        FakeEsptool fake = fake("5.3.1", "ok");
        CliRun r = CliRun.run(this::command, "flash", "--esptool", fake.executable().toString(), "--port", port,
                "--no-boot-check", "0x1000=" + bootloader, "0x8000=" + table, "0x10000=" + app);
        assertEquals(ExitCodes.OK, r.exit(), r.err() + r.out());
        assertEquals(List.of(List.of("version"), List.of("--chip", "esp32", "--port", port, "--baud", "460800",
                "--before", "no-reset", "--after", "no-reset", "--connect-attempts", "60", "write-flash",
                "--flash-mode", "keep", "--flash-freq", "keep", "--flash-size", "keep",
                "0x1000", bootloader.toString(), "0x8000", table.toString(), "0x10000", app.toString())), fake.argvs());
        assertTrue(r.out().contains(">> fit the J7 1-2 program jumper"), r.out());
        assertTrue(r.out().contains("MAC: 24:0a:c4:12:34:56"), r.out());
        assertTrue(r.out().contains("board 24:0a:c4:12:34:56: flashed"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void provisionsNvsWithV4SnakeCaseAndAutoReset() throws Exception {
        FakeEsptool fake = fake("4.12.0", "ok");
        CliRun r = CliRun.run(this::command, "flash", "--esptool", fake.executable().toString(), "--port", port,
                "--before", "default_reset", "--no-boot-check", "--set", "wifi_password=hunter22", "--set", "wifi_ssid=bench",
                "0x10000=" + app);
        assertEquals(ExitCodes.OK, r.exit(), r.err() + r.out());
        List<String> argv = fake.argvs().get(1);
        assertEquals(List.of("--chip", "esp32", "--port", port, "--baud", "460800", "--before", "default_reset",
                "--after", "hard_reset", "--connect-attempts", "7", "write_flash", "--flash_mode", "keep", "--flash_freq", "keep",
                "--flash_size", "keep", "0x9000"), argv.subList(0, 20));
        assertEquals(List.of("0x10000", app.toString()), argv.subList(21, 23));
        assertTrue(r.out().contains("NVS keys set: esp32-mep, wifi_ssid, wifi_password"), r.out());
        assertFalse(r.out().contains("hunter22"), r.out());
    }

    @Test
    void aBadImageIsRefusedBeforeEsptoolEvenRuns() throws Exception {
        FakeEsptool fake = fake("5.3.1", "ok");
        byte[] c3 = ImageBuilder.app().chip(org.mepkit.esp.chip.ChipRegistry.ESP32_C3).build();
        CliRun r = CliRun.run(this::command, "flash", "--esptool", fake.executable().toString(), "--port", port,
                "0x10000=" + write("c3.bin", c3));
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertEquals("mep: c3.bin: built for ESP32-C3, but board esp32-mep has an ESP32\n", r.err());
        assertEquals(List.of(), fake.argvs());
    }

    @Test
    void aMissingPortIsRefusedBeforeEsptoolRuns() {
        FakeEsptool fake = fake("5.3.1", "ok");
        CliRun r = CliRun.run(this::command, "flash", "--esptool", fake.executable().toString(), "--port", "/dev/ttyUSB97", "0x10000=" + app);
        assertEquals(ExitCodes.PORT, r.exit());
        assertEquals("mep: /dev/ttyUSB97: no such port (is the adapter plugged in? check the path)\n", r.err());
        assertEquals(List.of(), fake.argvs());
    }

    @Test
    void anUnknownBoardIsAOneLineError() {
        CliRun r = CliRun.run(this::command, "flash", "--board", "esp8266", "--port", "/dev/x", "0x10000=" + app);
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertTrue(r.err().startsWith("mep: unknown board 'esp8266'"), r.err());
    }

    @Test
    void esptoolFailuresBecomeActionableMessagesAndExitCodes() {
        FakeEsptool fake = fake("5.3.1", "no-serial-data");
        CliRun r = CliRun.run(this::command, "flash", "--esptool", fake.executable().toString(), "--port", port,
                "--no-boot-check", "0x10000=" + app);
        assertEquals(ExitCodes.PROTOCOL, r.exit());
        assertEquals("mep: Failed to connect to ESP32: No serial data received. - the chip is not in download mode or not powered: "
                + "fit the J7 1-2 program jumper, check J5 TX/RX are not swapped, power-cycle and retry\n", r.err());
        FakeEsptool busy = FakeEsptool.install(dir.resolve("busy"), "4.12.0", "port-busy", 0);
        CliRun b = CliRun.run(this::command, "flash", "--esptool", busy.executable().toString(), "--port", port,
                "--no-boot-check", "0x10000=" + app);
        assertEquals(ExitCodes.PORT, b.exit());
        assertTrue(b.err().contains("another program has the port open"), b.err());
    }

    @Test
    void jsonModePrintsOneObjectPerLine() throws Exception {
        FakeEsptool fake = fake("5.3.1", "ok");
        CliRun r = CliRun.run(this::command, "flash", "--json", "--esptool", fake.executable().toString(), "--port", port,
                "--no-boot-check", "0x10000=" + app);
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        List<String> events = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : r.out().split("\n")) events.add(json.readTree(line).get("event").asText());
        assertEquals("plan", events.get(0));
        assertTrue(events.contains("progress"), events.toString());
        assertTrue(events.contains("written"), events.toString());
        assertTrue(events.contains("hash_verified"), events.toString());
        JsonNode last = json.readTree(r.out().split("\n")[events.size() - 1]);
        assertEquals("result", last.get("event").asText());
        assertEquals("flashed", last.get("verdict").asText());
    }

    @Test
    void capturesTheBootLogRedactedAndChecksIt() throws Exception {
        FakeEsptool fake = fake("5.3.1", "ok");
        LinePair pair = LinePair.create("host", "board", LineSettings.CONSOLE);
        pair.b().write(("rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\nPreferences are valid\r\n"
                + "wifi_ssid: 'bench'\r\nwifi_pwd: 'hunter22'\r\nuser_login: 'mep'\r\nuser_pwd: ''\r\nmep_key: '0123456789ABCDEF0123'\r\n"
                + "mqtt_enable: 0\r\nmqtt_server: \r\nmqtt_user: \r\nmqtt_pw: \r\n\r\nSetting ENABLE pin 1\r\nQueued request at index 0\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        List<String> opened = new ArrayList<>();
        CliRun r = CliRun.run(() -> {
            FlashCommand c = command();
            c.opener = (path, settings) -> {
                opened.add(path + "@" + settings.baud());
                return pair.a();
            };
            return c;
        }, "flash", "--esptool", fake.executable().toString(), "--port", port, "--log-dir", dir.resolve("logs").toString(),
                "--boot-timeout", "10s", "--set", "wifi_password=hunter22", "--set", "mep_key=0123456789ABCDEF0123", "0x10000=" + app);
        assertEquals(ExitCodes.OK, r.exit(), r.err() + r.out());
        assertEquals(List.of(port + "@115200"), opened);
        assertTrue(r.out().contains(">> remove the J7 1-2 program jumper"), r.out());
        assertTrue(r.out().contains("board 24:0a:c4:12:34:56: started - firmware started"), r.out());
        Path log;
        try (var files = Files.list(dir.resolve("logs"))) {
            log = files.findFirst().orElseThrow();
        }
        String stored = Files.readString(log);
        assertTrue(stored.contains("Queued request at index 0"));
        assertFalse(stored.contains("hunter22"), stored);
        assertFalse(stored.contains("0123456789ABCDEF0123"), stored);
        assertTrue(log.getFileName().toString().startsWith("boot-24-0a-c4-12-34-56-"));
    }

    @Test
    void aBusyConsolePortAfterFlashingIsReportedAsSuch() {
        FakeEsptool fake = fake("5.3.1", "ok");
        CliRun r = CliRun.run(() -> {
            FlashCommand c = command();
            c.opener = (path, settings) -> {
                throw new org.mepkit.serial.PortBusyException(path + ": busy (held by another program)");
            };
            return c;
        }, "flash", "--esptool", fake.executable().toString(), "--port", port, "--log-dir", dir.resolve("logs").toString(),
                "0x10000=" + app);
        assertEquals(ExitCodes.PORT, r.exit());
        assertEquals("mep: flashed and verified, but the boot log could not be read: " + port + ": busy (held by another program)\n", r.err());
    }

    @Test
    void aCrashingBoardFailsTheVerdict() throws Exception {
        FakeEsptool fake = fake("5.3.1", "ok");
        LinePair pair = LinePair.create("host", "board", LineSettings.CONSOLE);
        pair.b().write("Preferences are valid\r\nGuru Meditation Error: Core  1 panic'ed (LoadProhibited)\r\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun r = CliRun.run(() -> {
            FlashCommand c = command();
            c.opener = (path, settings) -> pair.a();
            return c;
        }, "flash", "--esptool", fake.executable().toString(), "--port", port, "--log-dir", dir.resolve("logs").toString(),
                "--boot-timeout", "10s", "0x10000=" + app);
        assertEquals(ExitCodes.VERDICT_FAILED, r.exit());
        assertTrue(r.out().contains(": crashed - the firmware crashed"), r.out());
    }

    @Test
    void noEsptoolSaysHowToGetOne() throws Exception {
        Assumptions.assumeTrue(new EsptoolLocator(ProcessLauncher.SYSTEM, Map.of(), dir)
                .probe(new EsptoolLocator.Candidate(List.of("python3", "-m", "esptool"), "p")).isEmpty(), "python3 -m esptool works here");
        CliRun r = CliRun.run(this::command, "flash", "--port", port, "0x10000=" + app);
        assertEquals(ExitCodes.TOOL, r.exit());
        assertTrue(r.err().startsWith("mep: no esptool found"), r.err());
        assertTrue(r.err().contains("pipx install esptool"), r.err());
    }

    @Test
    void batchFlashesEachAdapterThatAppearsAndLogsOneRecordPerBoard() throws Exception {
        FakeEsptool fake = fake("5.3.1", "ok");
        Path byId = Files.createDirectories(dir.resolve("by-id"));
        Path a = byId.resolve("usb-FTDI_FT232R_USB_UART_A50285BI-if00-port0");
        Path b = byId.resolve("usb-1a86_USB_Serial-if00-port0");
        // plug, unplug, plug another, unplug: one step per poll of the watcher, in virtual time
        List<Runnable> bench = new ArrayList<>(List.of(() -> touch(a), () -> delete(a), () -> touch(b), () -> delete(b)));
        ManualTicker clock = ManualTicker.autoAdvancing();
        Ticker scripted = new Ticker() {
            @Override
            public long nanoTime() {
                return clock.nanoTime();
            }

            @Override
            public void waitUntil(long deadline) throws InterruptedException {
                if (!bench.isEmpty()) bench.remove(0).run();
                clock.waitUntil(deadline);
            }
        };
        Path benchLog = dir.resolve("bench.jsonl");
        CliRun r = CliRun.run(() -> {
            FlashCommand c = command();
            c.ticker = scripted;
            return c;
        }, "flash", "--batch", "--max-boards", "2", "--adapters", byId.toString(), "--bench-log", benchLog.toString(),
                "--esptool", fake.executable().toString(), "--no-boot-check", "--set", "mep_key=0123456789ABCDEF0123", "0x10000=" + app);
        assertEquals(ExitCodes.OK, r.exit(), r.err() + r.out());
        List<BatchRecord> records = new BenchLog(benchLog).read();
        assertEquals(2, records.size());
        assertEquals(a.toString(), records.get(0).port());
        assertEquals("A50285BI", records.get(0).usbSerial());
        assertEquals(null, records.get(1).usbSerial());
        assertEquals("24:0a:c4:12:34:56", records.get(0).mac());
        assertEquals(List.of("esp32-mep", "mep_key"), records.get(0).nvsKeys());
        assertEquals("flashed", records.get(0).verdict());
        assertEquals(64, records.get(0).firmwareSha256().length());
        assertFalse(Files.readString(benchLog).contains("0123456789ABCDEF0123"));
        assertEquals(a.toString(), fake.argvs().get(1).get(3));
        assertEquals(b.toString(), fake.argvs().get(2).get(3));
    }

    private static void touch(Path p) {
        try {
            Files.createFile(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
