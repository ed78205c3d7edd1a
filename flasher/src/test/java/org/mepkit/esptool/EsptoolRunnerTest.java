package org.mepkit.esptool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mepkit.cli.ExitCodes;

/** Runs the fake esptool (real v4/v5 output formats) through the runner and checks the events and failures. */
class EsptoolRunnerTest {

    @TempDir
    Path dir;

    private List<FlashRegion> regions() throws Exception {
        Path bl = dir.resolve("bl.bin");
        Path app = dir.resolve("app.bin");
        Files.write(bl, new byte[7888]);
        Files.write(app, new byte[60000]);
        return List.of(new FlashRegion(0x1000, bl), new FlashRegion(0x10000, app));
    }

    private EsptoolRun run(FakeEsptool fake, List<EsptoolEvent> seen) throws Exception {
        return run(fake, seen, BootMode.MANUAL);
    }

    private EsptoolRun run(FakeEsptool fake, List<EsptoolEvent> seen, BootMode mode) throws Exception {
        List<String> argv = new WriteFlashArgs("esp32", "/dev/ttyUSB0", 460800, mode, 40, false, regions())
                .argv(fake.esptool());
        return new EsptoolRunner(ProcessLauncher.SYSTEM, Duration.ofSeconds(60)).run(argv, seen::add);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.3.1", "4.12.0"})
    void aGoodRunGivesBannerChipMacProgressSummariesAndHashChecks(String version) throws Exception {
        FakeEsptool fake = FakeEsptool.install(dir.resolve("fake"), version, "ok", 0);
        List<EsptoolEvent> seen = new ArrayList<>();
        EsptoolRun result = run(fake, seen);
        assertEquals(seen, result.events());
        assertEquals(new EsptoolEvent.Banner(EsptoolVersion.parse(version).orElseThrow()), seen.get(0));
        assertEquals(java.util.Optional.of("24:0a:c4:12:34:56"), result.mac());
        assertEquals(List.of(7888L, 60000L), result.written().stream().map(EsptoolEvent.Written::bytes).toList());
        assertEquals(List.of(0x1000L, 0x10000L), result.written().stream().map(EsptoolEvent.Written::address).toList());
        assertEquals(2, result.hashesVerified());
        List<EsptoolEvent.Progress> progress = seen.stream().filter(e -> e instanceof EsptoolEvent.Progress)
                .map(e -> (EsptoolEvent.Progress) e).toList();
        assertEquals(100.0, progress.get(progress.size() - 1).percent());
        assertTrue(progress.size() >= 3, "progress events: " + progress);
        assertTrue(seen.contains(new EsptoolEvent.Reset("Staying in bootloader.")));
        // the fake logged the argv it got: no program name, exactly what WriteFlashArgs built
        assertEquals("--chip", fake.argvs().get(0).get(0));
    }

    @ParameterizedTest(name = "{0} on v{1}")
    @CsvSource({
            "no-serial-data,5.3.1,NO_SERIAL_DATA,'Failed to connect to ESP32: No serial data received.',2",
            "no-serial-data,4.12.0,NO_SERIAL_DATA,'Failed to connect to ESP32: No serial data received.',2",
            "wrong-boot-mode,5.3.1,WRONG_BOOT_MODE,'Failed to connect to ESP32: Wrong boot mode detected (0x13)! The chip needs to be in download mode.',2",
            "invalid-head,4.12.0,SERIAL_NOISE,'Failed to connect to ESP32: Invalid head of packet (0x55): Possible serial noise or corruption.',2",
            "wrong-chip,5.3.1,WRONG_CHIP,'This chip is ESP32-C3, not ESP32. Wrong chip argument?',2",
            "wrong-chip,4.12.0,WRONG_CHIP,'This chip is ESP32-C3, not ESP32. Wrong --chip argument?',2",
            "port-missing,5.3.1,PORT_MISSING,'Could not open /dev/ttyUSB0, the port is busy or doesn''t exist.',2",
            "port-busy,5.3.1,PORT_BUSY,'Could not open /dev/ttyUSB0, the port is busy or doesn''t exist.',2",
            "permission,4.12.0,PORT_PERMISSION,'Could not open /dev/ttyUSB0, the port is busy or doesn''t exist.',2",
            "md5-mismatch,5.3.1,VERIFY_FAILED,'MD5 of file does not match data in flash!',2",
            "write-failed,5.3.1,WRITE_FAILED,'Failed to write compressed data to flash after seq 0 (result was C100: Bad data checksum)',2",
            "stub-failed,4.12.0,STUB_FAILED,'Failed to start stub. There was no response.',2",
            "port-lost,5.3.1,PORT_LOST,'write failed: [Errno 5] Input/output error',1",
            "port-lost,4.12.0,PORT_LOST,'write failed: [Errno 5] Input/output error',1",
            "chip-stopped,5.3.1,CHIP_STOPPED,'The chip stopped responding.',2"})
    void documentedFailuresAreClassified(String scenario, String version, EsptoolProblem problem, String message, int exit) throws Exception {
        FakeEsptool fake = FakeEsptool.install(dir.resolve("fake"), version, scenario, 0);
        var e = assertThrows(EsptoolException.class, () -> run(fake, new ArrayList<>()));
        assertEquals(problem, e.problem());
        assertEquals(message, e.getMessage());
        assertEquals(exit, e.esptoolExit());
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> everyFailureOnBothVersions() {
        Map<String, EsptoolProblem> expected = Map.ofEntries(
                Map.entry("no-serial-data", EsptoolProblem.NO_SERIAL_DATA), Map.entry("wrong-boot-mode", EsptoolProblem.WRONG_BOOT_MODE),
                Map.entry("invalid-head", EsptoolProblem.SERIAL_NOISE), Map.entry("wrong-chip", EsptoolProblem.WRONG_CHIP),
                Map.entry("port-missing", EsptoolProblem.PORT_MISSING), Map.entry("port-busy", EsptoolProblem.PORT_BUSY),
                Map.entry("permission", EsptoolProblem.PORT_PERMISSION), Map.entry("md5-mismatch", EsptoolProblem.VERIFY_FAILED),
                Map.entry("write-failed", EsptoolProblem.WRITE_FAILED), Map.entry("stub-failed", EsptoolProblem.STUB_FAILED),
                Map.entry("port-lost", EsptoolProblem.PORT_LOST), Map.entry("chip-stopped", EsptoolProblem.CHIP_STOPPED),
                Map.entry("no-reset-lines", EsptoolProblem.CHIP_NOT_RESET));
        assertEquals(FakeEsptool.SCENARIOS.size() - 2, expected.size(), "every failing fake scenario has an expectation");
        return expected.entrySet().stream().flatMap(e -> java.util.stream.Stream.of("5.3.1", "4.12.0")
                .map(v -> org.junit.jupiter.params.provider.Arguments.of(e.getKey(), v, e.getValue())));
    }

    @ParameterizedTest(name = "{0} on v{1} -> {2}")
    @org.junit.jupiter.params.provider.MethodSource("everyFailureOnBothVersions")
    void everyDocumentedFailureIsClassifiedOnBothVersions(String scenario, String version, EsptoolProblem problem) throws Exception {
        FakeEsptool fake = FakeEsptool.install(dir.resolve("fake"), version, scenario, 0);
        List<EsptoolEvent> seen = new ArrayList<>();
        BootMode mode = scenario.startsWith("no-reset-lines") ? BootMode.AUTO : BootMode.MANUAL;   // only default_reset tries DTR/RTS
        var e = assertThrows(EsptoolException.class, () -> run(fake, seen, mode));
        assertEquals(problem, e.problem(), e.getMessage());
        assertEquals(scenario.equals("port-lost") ? 1 : 2, e.esptoolExit());
        assertTrue(seen.stream().anyMatch(x -> x instanceof EsptoolEvent.Fatal), "a Fatal event was parsed: " + seen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"port-missing", "port-busy", "permission"})
    void portProblemsExitWithThePortCode(String scenario) throws Exception {
        FakeEsptool fake = FakeEsptool.install(dir.resolve("fake"), "5.3.1", scenario, 0);
        var e = assertThrows(EsptoolException.class, () -> run(fake, new ArrayList<>()));
        assertEquals(ExitCodes.PORT, e.problem().exitCode());
    }

    @org.junit.jupiter.api.Test
    void kebabCaseSentToV4IsRejectedAsUsage() throws Exception {
        FakeEsptool fake = FakeEsptool.install(dir.resolve("fake"), "4.12.0", "ok", 0);
        Esptool misdetected = new Esptool(fake.esptool().command(), "test", new EsptoolVersion(5, 0, 0));
        List<String> argv = new WriteFlashArgs("esp32", "/dev/ttyUSB0", 115200, BootMode.MANUAL, 7, false, regions()).argv(misdetected);
        var e = assertThrows(EsptoolException.class,
                () -> new EsptoolRunner(ProcessLauncher.SYSTEM, Duration.ofSeconds(30)).run(argv, x -> { }));
        assertEquals(EsptoolProblem.USAGE, e.problem());
    }
}
