package org.mepkit.board.rom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.stream.Stream;
import org.mepkit.board.boot.BootResult;
import org.mepkit.board.boot.BootRom;
import org.mepkit.board.flash.VirtualFlash;
import org.mepkit.esp.image.ImageBuilder;
import org.mepkit.esp.partition.DefaultPartitionTables;
import org.mepkit.esp.partition.PartitionTableCodec;
import org.mepkit.serial.LineSettings;
import org.mepkit.serial.SerialLine;
import org.mepkit.serial.jsc.JscPorts;
import org.mepkit.serial.pty.PtyTesting;
import org.mepkit.serial.pty.SocatPair;
import org.mepkit.time.SystemTicker;

/**
 * Real esptool (v4 or v5) against the virtual ROM loader on a pty. Skipped, with the reason, when no esptool is
 * found ({@code $ESPTOOL} or {@code esptool}/{@code esptool.py} on the PATH). Each esptool run opens and closes the
 * port; the board sees the close as a reset, as a chip would after esptool's hard reset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RomLoaderEsptoolTest {

    @TempDir
    Path dir;

    private EsptoolCommand esptool;
    private final ExecutorService board = Executors.newSingleThreadExecutor();
    private volatile boolean running = true;
    private VirtualFlash flash;
    private RomLoader loader;
    private org.mepkit.serial.pty.PtyMasterLine pty;

    @BeforeAll
    void startBoard() throws Exception {
        esptool = EsptoolCommand.find().orElse(null);
        if (esptool == null) return;   // every test is skipped with the reason, see requireEsptool()
        flash = VirtualFlash.inMemory(VirtualFlash.DEFAULT_SIZE);
        loader = new RomLoader(flash, ChipIdentity.defaultEsp32());
        pty = org.mepkit.serial.pty.PtyMasterLine.open(org.mepkit.serial.LineSettings.CONSOLE);
        pty.releaseSlave();   // from now on each esptool run's close is a hang-up on the master: a reset
        board.submit(() -> {
            while (running) {
                if (loader.serve(pty) == SessionEnd.STOPPED) return null;
                // no host has the port open (the master reports a hang-up at once): look again shortly
                SystemTicker.INSTANCE.waitFor(Duration.ofMillis(20));
            }
            return null;
        });
    }

    @BeforeEach
    void requireEsptool() {
        Assumptions.assumeTrue(esptool != null,
                "no esptool found: set ESPTOOL (e.g. \"python3 /path/to/esptool.py\") or put esptool on the PATH");
    }

    @AfterAll
    void stopBoard() throws Exception {
        running = false;
        if (loader != null) loader.requestStop();
        board.shutdownNow();
        assertTrue(board.awaitTermination(5, TimeUnit.SECONDS));
        if (pty != null) pty.close();
    }

    private EsptoolCommand.Result run(long timeoutSeconds, String... args) throws Exception {
        return esptool.runOn(pty.slavePath(), List.of(args), timeoutSeconds);
    }

    @Test
    void flashIdReportsChipMacAndFlash() throws Exception {
        EsptoolCommand.Result r = run(60, esptool.spell("flash_id"));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("ESP32-D0WD-V3 (revision v3.0)"), r.output());
        assertTrue(r.output().matches("(?s).*MAC: +24:0a:c4:12:34:56.*"), r.output());   // v5 aligns the value
        assertTrue(r.output().contains("Manufacturer: c8"), r.output());
        assertTrue(r.output().contains("Device: 4016"), r.output());
        assertTrue(r.output().contains("Detected flash size: 4MB"), r.output());
    }

    @Test
    void writeFlashWithTheStubAndVerify() throws Exception {
        byte[] image = RomLoaderSessionTest.randomBytes(100_000, 21);
        Path file = dir.resolve("app.bin");
        Files.write(file, image);
        EsptoolCommand.Result r = run(120, "--baud", "460800", esptool.spell("write_flash"), "0x10000", file.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Hash of data verified"), r.output());
        assertArrayEquals(image, flash.read(0x10000, image.length));
        EsptoolCommand.Result v = run(60, esptool.spell("verify_flash"), "0x10000", file.toString());
        assertEquals(0, v.exitCode(), v.output());
    }

    @Test
    void theThreeImagesEsptoolWritesBootThroughBootRom() throws Exception {
        Path bootloader = dir.resolve("bootloader.bin");
        Path table = dir.resolve("partitions.bin");
        Path app = dir.resolve("firmware.bin");
        Files.write(bootloader, ImageBuilder.bootloader().build());
        Files.write(table, PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb()));
        Files.write(app, ImageBuilder.app().projectName("NES-MEP-UI").version("esptool-test").build());
        EsptoolCommand.Result r = run(120, esptool.spell("write_flash"), "0x1000", bootloader.toString(),
                "0x8000", table.toString(), "0x10000", app.toString());
        assertEquals(0, r.exitCode(), r.output());
        BootResult boot = BootRom.boot(flash, loader.chip());
        BootResult.Booted booted = assertInstanceOf(BootResult.Booted.class, boot, String.join("\n", boot.consoleLines()));
        assertEquals("esptool-test", booted.descriptor().orElseThrow().version());
    }

    @Test
    void writeFlashWithoutTheStub() throws Exception {
        byte[] image = RomLoaderSessionTest.randomBytes(5000, 22);
        Path file = dir.resolve("small.bin");
        Files.write(file, image);
        EsptoolCommand.Result r = run(120, "--no-stub", esptool.spell("write_flash"), "0x20000", file.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Hash of data verified"), r.output());
        assertArrayEquals(image, flash.read(0x20000, image.length));
    }

    @Test
    void eraseRegionAndReadFlashWithTheStub() throws Exception {
        flash.write(0x30000, RomLoaderSessionTest.randomBytes(0x2000, 23));
        EsptoolCommand.Result e = run(60, esptool.spell("erase_region"), "0x30000", "0x1000");
        assertEquals(0, e.exitCode(), e.output());
        Path out = dir.resolve("read.bin");
        EsptoolCommand.Result r = run(60, esptool.spell("read_flash"), "0x30000", "0x2000", out.toString());
        assertEquals(0, r.exitCode(), r.output());
        byte[] back = Files.readAllBytes(out);
        assertArrayEquals(flash.read(0x30000, 0x2000), back);
        List<Byte> firstSector = new ArrayList<>();
        for (int i = 0; i < 0x1000; i++) firstSector.add(back[i]);
        assertTrue(firstSector.stream().allMatch(b -> b == (byte) 0xFF), "erased sector reads 0xFF");
    }

    @Test
    void eraseFlashWithTheStub() throws Exception {
        flash.write(0x3F0000, new byte[] {1, 2, 3, 4});
        EsptoolCommand.Result r = run(120, esptool.spell("erase_flash"));
        assertEquals(0, r.exitCode(), r.output());
        assertArrayEquals(new byte[] {-1, -1, -1, -1}, flash.read(0x3F0000, 4));
    }

    @Test
    void readFlashWithoutTheStubUsesTheSlowRomRead() throws Exception {
        byte[] data = RomLoaderSessionTest.randomBytes(0x100, 25);
        flash.eraseCovering(0x50000, data.length);
        flash.write(0x50000, data);
        Path out = dir.resolve("slow.bin");
        EsptoolCommand.Result r = run(60, "--no-stub", esptool.spell("read_flash"), "0x50000", "0x100", out.toString());
        assertEquals(0, r.exitCode(), r.output());
        assertArrayEquals(data, Files.readAllBytes(out));
    }

    @Test
    void theDefaultHardResetAfterwardsDoesNotFailOnAPty() throws Exception {
        EsptoolCommand.Result r = esptool.runOn(pty.slavePath(), List.of("--after", esptool.spell("hard_reset"),
                esptool.spell("read_mac")), 60);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Hard resetting via RTS pin"), r.output());
    }

    @Test
    void withoutAResetBetweenRunsEsptoolFindsTheStubStillRunning() throws Exception {
        // on a socat pair the board cannot see the port close (as with a chip esptool cannot reset)
        try (SocatPair socat = PtyTesting.socatPair();
             SerialLine boardEnd = JscPorts.open(socat.pathB().toString(), LineSettings.CONSOLE)) {
            RomLoader second = new RomLoader(VirtualFlash.inMemory(VirtualFlash.DEFAULT_SIZE), ChipIdentity.defaultEsp32());
            ExecutorService other = Executors.newSingleThreadExecutor();
            java.util.concurrent.Future<SessionEnd> secondSession = other.submit(() -> second.serve(boardEnd));
            try {
                EsptoolCommand.Result first = esptool.runOn(socat.pathA().toString(),
                        List.of("--after", esptool.spell("no_reset_stub"), esptool.spell("flash_id")), 60);
                assertEquals(0, first.exitCode(), first.output());
                assertTrue(!secondSession.isDone(), () -> "session ended: " + sessionEnd(secondSession));
                assertEquals(Personality.STUB, second.personality());
                EsptoolCommand.Result again = esptool.runOn(socat.pathA().toString(), List.of(esptool.spell("flash_id")), 60);
                assertEquals(0, again.exitCode(), again.output());
                assertTrue(again.output().contains("already running. No upload is necessary."), again.output());
            } finally {
                second.requestStop();
                other.shutdownNow();
                assertTrue(other.awaitTermination(5, TimeUnit.SECONDS));
            }
        }
    }

    private static String sessionEnd(java.util.concurrent.Future<SessionEnd> f) {
        try {
            return String.valueOf(f.get(1, TimeUnit.SECONDS));
        } catch (Exception e) {
            return e.toString();
        }
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(new LoaderFault.Silent(), "flash_id", "No serial data received"),
                Arguments.of(new LoaderFault.Noise(0x55), "flash_id", "Invalid head of packet (0x55)"),
                Arguments.of(new LoaderFault.WrongChip(0x000007C6), "flash_id", "ESP32-S2"),
                Arguments.of(new LoaderFault.TruncatedReply(), "flash_id", "stopped"),
                Arguments.of(new LoaderFault.BadChecksum(), "write_flash", "C100"),
                Arguments.of(new LoaderFault.CorruptWrites(), "write_flash", "MD5 of file does not match data in flash!"));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void esptoolReportsEachFaultDistinctly(LoaderFault fault, String command, String expected) throws Exception {
        Path file = dir.resolve("fault.bin");
        Files.write(file, RomLoaderSessionTest.randomBytes(3000, 24));
        loader.inject(fault);
        try {
            List<String> args = new ArrayList<>(List.of("--connect-attempts", "1", esptool.spell(command)));
            if (command.equals("write_flash")) args.addAll(List.of("0x40000", file.toString()));
            EsptoolCommand.Result r = run(90, args.toArray(new String[0]));
            assertEquals(2, r.exitCode(), r.output());
            assertTrue(r.output().contains(expected), r.output());
        } finally {
            loader.inject(LoaderFault.NONE);
        }
    }
}
