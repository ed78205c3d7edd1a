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
        List<String> argv = fake.argvs().get(1);
        assertEquals(List.of("version"), fake.argvs().get(0));
        assertEquals(List.of("--chip", "esp32", "--port", port, "--baud", "460800",
                "--before", "no-reset", "--after", "no-reset", "--connect-attempts", "60", "write-flash",
                "--flash-mode", "keep", "--flash-freq", "keep", "--flash-size", "keep",
                "0x1000", bootloader.toString(), "0x8000", table.toString(), "0xe000"), argv.subList(0, 24));
        assertTrue(argv.get(24).endsWith("otadata-blank.bin"), "a blank otadata mepkit made: " + argv);
        assertEquals(List.of("0x10000", app.toString()), argv.subList(25, 27));
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
        assertEquals("0xe000", argv.get(21));
        assertEquals(List.of("0x10000", app.toString()), argv.subList(23, 25));
        assertTrue(r.out().contains("NVS keys set: esp32-mep, wifi_ssid, wifi_password"), r.out());
        assertFalse(r.out().contains("hunter22"), r.out());
    }

    @Test
    void theV210BoardIsResetByEsptoolThroughDtrAndRtsAndTheOthersWaitForTheJ7Jumper() {
        FakeEsptool fake = fake("5.3.1", "ok");
        CliRun auto = CliRun.run(this::command, "flash", "--esptool", fake.executable().toString(), "--port", port,
                "--board", "esp32-mep-v2.10", "--no-boot-check", "0x10000=" + app);
        assertEquals(ExitCodes.OK, auto.exit(), auto.err() + auto.out());
        List<String> argv = fake.argvs().get(1);
        assertEquals(List.of("--before", "default-reset", "--after", "hard-reset", "--connect-attempts", "7"), argv.subList(6, 12));
        assertTrue(auto.out().contains(">> resetting the board into its loader through DTR/RTS"), auto.out());
        assertFalse(auto.out().contains("J7"), auto.out());

        FakeEsptool manual = FakeEsptool.install(dir.resolve("manual"), "5.3.1", "ok", 0);
        CliRun v200 = CliRun.run(this::command, "flash", "--esptool", manual.executable().toString(), "--port", port,
                "--board", "esp32-mep-v2.00", "--no-boot-check", "0x10000=" + app);
        assertEquals(ExitCodes.OK, v200.exit(), v200.err() + v200.out());
        assertEquals(List.of("--before", "no-reset", "--after", "no-reset", "--connect-attempts", "60"),
                manual.argvs().get(1).subList(6, 12));
        assertTrue(v200.out().contains(">> fit the J7 1-2 program jumper"), v200.out());
    }

    @Test
    void anExplicitBeforeWinsOverTheBoardsOwnResetMode() {
        FakeEsptool fake = fake("5.3.1", "ok");
        CliRun r = CliRun.run(this::command, "flash", "--esptool", fake.executable().toString(), "--port", port,
                "--board", "esp32-mep-v2.10", "--before", "no_reset", "--no-boot-check", "0x10000=" + app);
        assertEquals(ExitCodes.OK, r.exit(), r.err() + r.out());
        assertEquals(List.of("--before", "no-reset"), fake.argvs().get(1).subList(6, 8));
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
        assertEquals(ExitCodes.USAGE, r.exit(), "as for every --board");
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
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(log),
                "a boot log is the owner's only: a secret the redactor did not know may be in it");
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
        }, "flash", "--batch", "--parallel", "1", "--max-boards", "2", "--adapters", byId.toString(), "--bench-log", benchLog.toString(),
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

    // ---- esptool's words reach the user ----

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"5.3.1", "4.12.0"})
    void defaultResetOnAPortWithoutResetLinesNamesTheRealCauseWithOneExitCode(String version) {
        FakeEsptool fake = FakeEsptool.install(dir.resolve("fake-" + version), version, "no-reset-lines", 0);
        CliRun r = CliRun.run(this::command, "flash", "--esptool", fake.executable().toString(), "--port", port,
                "--before", "default_reset", "--no-boot-check", "0x10000=" + app);
        assertEquals(ExitCodes.PROTOCOL, r.exit(), r.err());
        assertTrue(r.out().contains("esptool: " + (version.startsWith("5") ? "Warning" : "WARNING") + ": Chip was NOT reset."), r.out());
        assertEquals("mep: Failed to connect to ESP32: No serial data received. - esptool could not reset the chip into its loader: "
                + "this port has no DTR/RTS reset lines (J5 has none), so 'Chip was NOT reset'; flash with --before no_reset (the default), "
                + "fit the J7 1-2 program jumper and power-cycle the board\n", r.err());
    }

    @Test
    void aChipLeftInItsLoaderIsNotCalledSilent() throws Exception {
        FakeEsptool fake = fake("5.3.1", "no-reset-lines-in-loader");
        LinePair pair = LinePair.create("host", "board", LineSettings.CONSOLE);   // nothing on the console: the chip stays in the stub
        CliRun r = CliRun.run(() -> {
            FlashCommand c = command();
            c.opener = (path, settings) -> pair.a();
            return c;
        }, "flash", "--esptool", fake.executable().toString(), "--port", port, "--before", "default_reset",
                "--log-dir", dir.resolve("logs").toString(), "--boot-timeout", "1s", "0x10000=" + app);
        assertEquals(ExitCodes.VERDICT_FAILED, r.exit());
        assertTrue(r.out().contains(">> esptool could not reset the chip (no DTR/RTS on this port): remove the J7 1-2 program jumper and power-cycle"), r.out());
        assertTrue(r.out().contains("board 24:0a:c4:12:34:56: not_reset - esptool could not reset the chip"), r.out());
        assertFalse(r.out().contains("silent"), r.out());
    }

    @Test
    void noStubIsHandedToEsptoolAndRefusedWithEraseAll() {
        FakeEsptool fake = fake("5.3.1", "ok");
        CliRun r = CliRun.run(this::command, "flash", "--esptool", fake.executable().toString(), "--port", port,
                "--no-stub", "--no-boot-check", "0x10000=" + app);
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        List<String> argv = fake.argvs().get(1);
        assertEquals(List.of("--connect-attempts", "60", "--no-stub", "write-flash"), argv.subList(10, 14));
        CliRun both = CliRun.run(this::command, "flash", "--esptool", fake.executable().toString(), "--port", port,
                "--no-stub", "--erase-all", "0x10000=" + app);
        assertEquals(ExitCodes.USAGE, both.exit());
        assertEquals("mep: --erase-all needs esptool's flasher stub: drop --no-stub or --erase-all\n", both.err());
    }

    @Test
    void everyOptionAnAdviceNamesIsAnOptionOfMepFlash() {
        picocli.CommandLine flash = new picocli.CommandLine(new FlashCommand());
        java.util.regex.Pattern option = java.util.regex.Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");
        List<String> texts = new ArrayList<>();
        for (var p : org.mepkit.esptool.EsptoolProblem.values()) texts.add(p.advice());
        for (var v : org.mepkit.bootlog.BootVerdict.values()) texts.add(v.meaning());
        for (String text : texts) {
            var m = option.matcher(text.replaceAll("'[^']*'", ""));   // quoted commands of other tools (pip) do not count
            while (m.find()) {
                assertTrue(flash.getCommandSpec().findOption(m.group()) != null, m.group() + " is not an option of mep flash: " + text);
            }
        }
    }

    @Test
    void aForeignNvsImageWithoutTheMarkerIsRefusedBeforeTheBoardIsTouched() throws Exception {
        FakeEsptool fake = fake("5.3.1", "ok");
        byte[] noMarker = org.mepkit.esp.nvs.NvsImageWriter.write(List.of(
                org.mepkit.esp.nvs.NvsEntry.string("esp32-mep", "wifi_ssid", "lab"),
                org.mepkit.esp.nvs.NvsEntry.string("esp32-mep", "mep_key", "ABCDEFGHIJKLMNOPQRST")), 0x5000);
        Path nvs = write("foreign-nvs.bin", noMarker);
        CliRun r = CliRun.run(this::command, "flash", "--esptool", fake.executable().toString(), "--port", port,
                "--nvs-image", nvs.toString(), "0x10000=" + app);
        assertEquals(ExitCodes.BAD_INPUT, r.exit());
        assertEquals("mep: foreign-nvs.bin does not follow the firmware's NVS contract: no marker key 'esp32-mep': without it the firmware "
                + "erases the whole NVS partition at boot (keys in the file: wifi_ssid, mep_key; --force writes it anyway)\n", r.err());
        assertEquals(List.of(), fake.argvs(), "esptool never ran");
        CliRun forced = CliRun.run(this::command, "flash", "--esptool", fake.executable().toString(), "--port", port,
                "--nvs-image", nvs.toString(), "--force", "--no-boot-check", "0x10000=" + app);
        assertEquals(ExitCodes.OK, forced.exit(), forced.err());
        assertTrue(forced.out().contains("0x009000  nvs                20480 bytes  foreign-nvs.bin"), forced.out());
        assertTrue(forced.out().contains("NVS keys in foreign-nvs.bin: wifi_ssid, mep_key"), forced.out());
        assertTrue(forced.out().contains("note: --force: foreign-nvs.bin written although no marker key"), forced.out());
        assertFalse(forced.out().contains("generated NVS"), forced.out());
    }

    @Test
    void theEsptoolVersionIsCachedAndAStaleCacheIsCorrectedByAskingAgain() {
        FakeEsptool v4 = fake("4.12.0", "ok");
        var cache = org.mepkit.esptool.VersionCache.forUser(Map.of(), dir.resolve("home"));
        cache.put(List.of(v4.executable().toString()), new org.mepkit.esptool.EsptoolVersion(5, 3, 1));   // wrong: it is a v4
        CliRun r = CliRun.run(this::command, "flash", "--esptool", v4.executable().toString(), "--port", port,
                "--no-boot-check", "0x10000=" + app);
        assertEquals(ExitCodes.OK, r.exit(), r.err() + r.out());
        assertEquals("write-flash", v4.argvs().get(0).get(12), "the cached v5 spelling was tried first");
        assertEquals(List.of("version"), v4.argvs().get(1));
        assertEquals("write_flash", v4.argvs().get(2).get(12), "then the v4 spelling, after asking");
        CliRun again = CliRun.run(this::command, "flash", "--esptool", v4.executable().toString(), "--port", port,
                "--no-boot-check", "0x10000=" + app);
        assertEquals(ExitCodes.OK, again.exit(), again.err());
        assertEquals(4, v4.argvs().size(), "the corrected version is cached: no 'version' run this time");
    }

    @Test
    void batchFlashesTheBoardsPluggedInTogetherAtOnceEachWithItsOwnEsptool() throws Exception {
        FakeEsptool fake = FakeEsptool.install(dir.resolve("slow"), "5.3.1", "ok", 0.3);
        Path byId = Files.createDirectories(dir.resolve("by-id"));
        List<Path> adapters = List.of("A1", "B2", "C3", "D4").stream()
                .map(s -> byId.resolve("usb-FTDI_FT232R_USB_UART_BENCH" + s + "-if00-port0")).toList();
        boolean[] plugged = {false};
        Ticker plugAllAtFirstLook = new Ticker() {
            @Override
            public long nanoTime() {
                return org.mepkit.time.SystemTicker.INSTANCE.nanoTime();
            }

            @Override
            public void waitUntil(long deadline) throws InterruptedException {
                if (!plugged[0]) {
                    plugged[0] = true;
                    adapters.forEach(FlashCommandTest::touch);   // four adapters on a hub, plugged in at once
                }
                org.mepkit.time.SystemTicker.INSTANCE.waitUntil(deadline);
            }
        };
        int[] live = {0};
        int[] most = {0};
        org.mepkit.esptool.ProcessLauncher counting = (argv, extraEnv) -> {
            Process p = org.mepkit.esptool.ProcessLauncher.SYSTEM.start(argv, extraEnv);
            synchronized (live) {
                most[0] = Math.max(most[0], ++live[0]);
            }
            p.onExit().thenRun(() -> {
                synchronized (live) {
                    live[0]--;
                }
            });
            return p;
        };
        Path benchLog = dir.resolve("bench.jsonl");
        CliRun r = CliRun.run(() -> {
            FlashCommand c = command();
            c.ticker = plugAllAtFirstLook;
            c.launcher = counting;
            return c;
        }, "flash", "--batch", "--max-boards", "4", "--adapters", byId.toString(), "--bench-log", benchLog.toString(),
                "--esptool", fake.executable().toString(), "--no-boot-check", "0x10000=" + app);
        assertEquals(ExitCodes.OK, r.exit(), r.err() + r.out());
        List<BatchRecord> records = new BenchLog(benchLog).read();
        assertEquals(adapters.stream().map(Path::toString).sorted().toList(), records.stream().map(BatchRecord::port).sorted().toList());
        assertEquals(4, most[0], "the four esptools ran at the same time");
        assertTrue(r.out().contains("[usb-FTDI_FT232R_USB_UART_BENCHA1-if00-port0] MAC: 24:0a:c4:12:34:56"), r.out());
        assertTrue(r.out().contains("4 board(s) done, 0 failed"), r.out());
    }
}
