package org.mepkit.hil.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.board.BoardImages;
import org.mepkit.board.BoardOptions;
import org.mepkit.board.VirtualBoard;
import org.mepkit.board.firmware.DabblerFirmware;
import org.mepkit.board.firmware.FirmwareConfig;
import org.mepkit.board.rom.ChipIdentity;
import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepCommand;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.chip.ChipTarget;
import org.mepkit.esp.image.ImageBuilder;
import org.mepkit.esp.nvs.NvsEntry;
import org.mepkit.esp.nvs.NvsImageWriter;
import org.mepkit.esp.partition.OtaData;
import org.mepkit.esptool.Esptool;
import org.mepkit.sim.max3232.Max3232Profile;

import picocli.CommandLine;

/**
 * {@code mep flash} as a user runs it, with a real esptool ({@code $ESPTOOL}, v4 or v5; skipped with the reason
 * when none is found) against a twin in download mode, the user's hand on J7 and the power when mep asks for it:
 * OTA slots, the C3 board, foreign NVS images, a port without reset lines, {@code --no-stub}, a blank flash.
 */
class FlashOnTheTwinTest {

    @TempDir
    Path dir;
    Esptool esptool;

    @BeforeEach
    void needsEsptool() throws Exception {
        esptool = DemoFlasherTest.realEsptool();
    }

    /** An Arduino build folder for {@code chip}, made with mepkit's own image code (the upstream layout). */
    private Path buildFolder(String name, ChipTarget chip, String version) throws Exception {
        Path build = Files.createDirectories(dir.resolve(name));
        Files.write(build.resolve("NES-MEP-UI.ino.bin"), ImageBuilder.app().chip(chip).projectName(DabblerFirmware.PROJECT)
                .version(version).codeBytes(40_000).build());
        Files.write(build.resolve("NES-MEP-UI.ino.bootloader.bin"), ImageBuilder.bootloader().chip(chip).build());
        Files.write(build.resolve("NES-MEP-UI.ino.partitions.bin"), BoardImages.partitionTable());
        return build;
    }

    private VirtualBoard board(ChipIdentity chip) throws Exception {
        VirtualBoard b = VirtualBoard.create(new BoardOptions(dir.resolve("board"), 20, Max3232Profile.GENUINE, 1,
                dir.resolve("flash.bin")).withChip(chip));
        b.setProgramJumper(true);
        b.powerOn();
        return b;
    }

    record Run(int exit, String out, String err) {
    }

    /**
     * Runs mep; when mep asks to remove J7 and power-cycle, the hand does it, once mep has the console open to
     * capture the boot log (a person reads the instruction first; the board does not wait for the host).
     */
    private Run mep(VirtualBoard board, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = MepCommand.commandLine();
        cli.setOut(new PrintWriter(new Hand(out, line -> {
            if (line.contains("remove the J7 1-2 program jumper")) {
                Thread hand = new Thread(() -> {
                    long end = System.nanoTime() + 10_000_000_000L;
                    while (!board.consoleHostConnected() && System.nanoTime() < end) LockSupport.parkNanos(2_000_000L);
                    board.setProgramJumper(false);
                    board.powerOff();
                    board.powerOn();
                }, "hand-on-j7");
                hand.setDaemon(true);
                hand.start();
            }
        }), true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String[] flash(VirtualBoard board, String... more) {
        // the same esptool the locator found for this test ($ESPTOOL, PATH, ...): mep finds it the same way
        List<String> a = new java.util.ArrayList<>(List.of("flash", "--port", board.consolePath(),
                "--log-dir", dir.resolve("logs").toString(), "--boot-timeout", "20s"));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void afterAnOtaUpdateAFlashResetsOtadataAndTheFlashedAppRuns() throws Exception {
        try (VirtualBoard b = board(ChipIdentity.defaultEsp32())) {
            afterAnOtaUpdate(b);
            Run r = mep(b, flash(b, buildFolder("build", ChipRegistry.ESP32, "2.0.0").toString()));
            assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("0x00e000  otadata             8192 bytes  blank otadata (made by mepkit)"), r.out());
            assertTrue(r.out().contains(": started - firmware started - '" + DabblerFirmware.PROJECT + "' 2.0.0"), r.out());
            assertTrue(r.out().contains("from app0 (0x10000)"), r.out());
        }
    }

    @Test
    void keepOtadataAfterAnOtaUpdateIsAFailedFlashNamingTheAppThatRuns() throws Exception {
        try (VirtualBoard b = board(ChipIdentity.defaultEsp32())) {
            afterAnOtaUpdate(b);
            Run r = mep(b, flash(b, "--keep-otadata", buildFolder("build", ChipRegistry.ESP32, "2.0.0").toString()));
            assertEquals(ExitCodes.VERDICT_FAILED, r.exit(), r.out() + r.err());
            // the Arduino core's bootloader logs no "Loaded app from partition at offset" line: the running app is known
            // by its descriptor, not its slot
            assertTrue(r.out().contains(": wrong_app - the board does not run the app just flashed: it runs an app ('"
                    + DabblerFirmware.PROJECT + "' 1.0.0-ota"), r.out());
            assertTrue(r.out().contains("not the app flashed to app0 (0x10000)"), r.out());
        }
    }

    /** An over-the-air update left app 1.0.0-ota in app1 and an otadata entry selecting it. */
    private static void afterAnOtaUpdate(VirtualBoard b) {
        BoardImages.provision(b.flash(), DabblerFirmware.PROJECT, FirmwareConfig.provisioned("lab", "pw", "ABCDEFGHIJKLMNOPQRST"));
        byte[] otaApp = ImageBuilder.app().projectName(DabblerFirmware.PROJECT).version("1.0.0-ota").codeBytes(30_000).build();
        b.flash().eraseCovering(0x150000, otaApp.length);
        b.flash().write(0x150000, otaApp);
        b.flash().erase(0xE000, 0x2000);
        b.flash().write(0xE000, OtaData.entry(2));
        b.flash().flush();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "stub: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void theC3BoardFlashesEndToEndAgainstATwinThatAnswersAsAC3(boolean stub) throws Exception {
        try (VirtualBoard b = board(ChipIdentity.defaultEsp32C3())) {
            Run r = mep(b, flash(b, "--board", "ustepper-esp32c3-v1.00", "--set", "wifi_ssid=lab", stub ? "--baud=460800" : "--no-stub",
                    buildFolder("build-c3", ChipRegistry.ESP32_C3, "2.0.0-c3").toString()));
            assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains("0x000000  bootloader"), r.out());
            assertTrue(r.out().contains("chip: ESP32-C3 (QFN32) (revision v0.4)"), r.out());
            assertTrue(r.out().contains("board 58:cf:79:12:34:56: started"), r.out());
            assertTrue(b.transcript().contains("ESP-ROM:esp32c3-api1-20210207"), b.transcript());
            assertTrue(b.transcript().contains("wifi_ssid: 'lab'"), b.transcript());
        }
    }

    @Test
    void anEsp32BuildForTheC3TwinIsRefusedByEsptoolAsTheWrongChip() throws Exception {
        try (VirtualBoard b = board(ChipIdentity.defaultEsp32C3())) {
            Run r = mep(b, flash(b, "--no-boot-check", buildFolder("build", ChipRegistry.ESP32, "2.0.0").toString()));
            assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("This chip is ESP32-C3, not ESP32"), r.err());
        }
    }

    @Test
    void aForeignNvsImageWithoutTheMarkerLeavesTheBoardUntouched() throws Exception {
        try (VirtualBoard b = board(ChipIdentity.defaultEsp32())) {
            byte[] before = b.flash().read(0, 0x20000);
            Path nvs = dir.resolve("foreign.bin");
            Files.write(nvs, NvsImageWriter.write(List.of(NvsEntry.string("esp32-mep", "wifi_ssid", "lab")), 0x5000));
            Run r = mep(b, flash(b, "--nvs-image", nvs.toString(), buildFolder("build", ChipRegistry.ESP32, "2.0.0").toString()));
            assertEquals(ExitCodes.BAD_INPUT, r.exit(), r.out() + r.err());
            assertTrue(r.err().contains("foreign.bin does not follow the firmware's NVS contract: no marker key 'esp32-mep'"), r.err());
            assertTrue(r.err().contains("(keys in the file: wifi_ssid; --force writes it anyway)"), r.err());
            assertArrayEquals(before, b.flash().read(0, 0x20000));
        }
    }

    @Test
    void defaultResetOnAConsoleWithoutResetLinesSaysChipWasNotReset() throws Exception {
        try (VirtualBoard b = board(ChipIdentity.defaultEsp32())) {
            BoardImages.provision(b.flash(), DabblerFirmware.PROJECT, FirmwareConfig.provisioned("lab", "pw", "ABCDEFGHIJKLMNOPQRST"));
            b.setProgramJumper(false);   // the app runs; only a reset through DTR/RTS could reach the loader
            b.powerOff();
            b.powerOn();
            Run r = mep(b, flash(b, "--before", "default_reset", "--connect-attempts", "2", "--no-boot-check",
                    buildFolder("build", ChipRegistry.ESP32, "2.0.0").toString()));
            assertEquals(ExitCodes.PROTOCOL, r.exit(), r.out() + r.err());
            assertTrue(r.out().matches("(?s).*esptool: (Warning|WARNING): Chip was NOT reset\\..*"), r.out());
            assertTrue(r.err().contains("esptool could not reset the chip into its loader: this port has no DTR/RTS reset lines"), r.err());
            assertFalse(r.err().contains("TX/RX"), r.err());
        }
    }

    @Test
    void noStubFlashesThroughTheRomLoaderAlone() throws Exception {
        try (VirtualBoard b = board(ChipIdentity.defaultEsp32())) {
            Run r = mep(b, flash(b, "--no-stub", buildFolder("build", ChipRegistry.ESP32, "2.0.0-rom").toString()));
            assertEquals(ExitCodes.OK, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains(": started"), r.out());
        }
    }

    @Test
    void onlyAnAppOnAnErasedBoardIsCalledBlank() throws Exception {
        try (VirtualBoard b = board(ChipIdentity.defaultEsp32())) {
            Path app = Files.write(dir.resolve("app.bin"), ImageBuilder.app().projectName(DabblerFirmware.PROJECT).build());
            Run r = mep(b, flash(b, "0x10000=" + app));
            assertEquals(ExitCodes.VERDICT_FAILED, r.exit(), r.out() + r.err());
            assertTrue(r.out().contains(": blank - the flash is blank where the chip looks for its bootloader or app"), r.out());
            assertFalse(r.out().contains("boot_loop"), r.out());
        }
    }

    /** A writer that hands every completed line to {@code onLine}, as the user reads mep's instructions. */
    private static final class Hand extends Writer {
        private final StringWriter all;
        private final Consumer<String> onLine;
        private final StringBuilder line = new StringBuilder();

        Hand(StringWriter all, Consumer<String> onLine) {
            this.all = all;
            this.onLine = onLine;
        }

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            all.write(buf, off, len);
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    onLine.accept(line.toString());
                    line.setLength(0);
                } else {
                    line.append(buf[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
