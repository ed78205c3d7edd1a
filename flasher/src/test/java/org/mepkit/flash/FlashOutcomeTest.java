package org.mepkit.flash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.bootlog.BootLogCapture;
import org.mepkit.bootlog.BootLogCheck;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.image.ImageBuilder;
import org.mepkit.esp.partition.DefaultPartitionTables;
import org.mepkit.esp.partition.PartitionTableCodec;
import org.mepkit.esptool.EsptoolEvent;
import org.mepkit.esptool.EsptoolRun;
import org.mepkit.esptool.FlashRegion;

/** The verdict of a flash: esptool verified it, and the boot log shows the app just written running. */
class FlashOutcomeTest {

    static final String ROM = "rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\nentry 0x400805f0\r\n";
    static final String FIRMWARE = "Preferences are valid\r\nwifi_ssid: 'lab'\r\nmep_key: '***'\r\nmqtt_pw: \r\nSetting ENABLE pin 1\r\n"
            + "Queued request at index 0\r\n";

    @TempDir
    Path dir;

    private FlashPlan plan(NvsImage nvs) throws Exception {
        Path table = Files.write(dir.resolve("pt.bin"), PartitionTableCodec.write(DefaultPartitionTables.esp32Mep4Mb()));
        Path app = Files.write(dir.resolve("app.bin"), ImageBuilder.app().projectName("NES-MEP-UI").version("2.0.0")
                .compileDate("Mar 28 2024").compileTime("17:23:27").build());
        return new FlashPlanner(ChipRegistry.ESP32_MEP, dir.resolve("work")).plan(new FlashSource.Pairs(List.of(
                new FlashRegion(0x8000, table), new FlashRegion(0x10000, app))), nvs, FlashPlanner.Options.DEFAULT);
    }

    private static EsptoolRun verified(FlashPlan plan, EsptoolEvent... more) {
        List<EsptoolEvent> events = new ArrayList<>(List.of(more));
        for (int i = 0; i < plan.regions().size(); i++) events.add(new EsptoolEvent.HashVerified());
        return new EsptoolRun(List.of(), events);
    }

    private static FlashOutcome outcome(FlashPlan plan, EsptoolRun run, String log) {
        var boot = new BootLogCapture.BootLog(log, Duration.ofSeconds(1), false, BootLogCheck.check(log));
        return new FlashOutcome(plan, run, Optional.of(boot), Optional.empty());
    }

    private static String appInfo(String project, String version, String compiled, String elf) {
        return "I (120) cpu_start: Project name:     " + project + "\r\nI (121) cpu_start: App version:      " + version
                + "\r\nI (122) cpu_start: Compile time:     " + compiled + "\r\nI (123) cpu_start: ELF file SHA256:  " + elf + "...\r\n";
    }

    @Test
    void theFlashedAppRunningFromItsPartitionIsAStart() throws Exception {
        FlashPlan plan = plan(null);
        String elf = plan.expectedApp().orElseThrow().descriptor().orElseThrow().elfSha256Hex().substring(0, 16);
        FlashOutcome o = outcome(plan, verified(plan), ROM + "I (112) boot: Loaded app from partition at offset 0x10000\r\n"
                + appInfo("NES-MEP-UI", "2.0.0", "Mar 28 2024 17:23:27", elf) + FIRMWARE);
        assertEquals("started", o.verdict());
        assertTrue(o.passed());
        assertTrue(o.explanation().startsWith("firmware started - 'NES-MEP-UI' 2.0.0, built Mar 28 2024 17:23:27"), o.explanation());
    }

    @Test
    void theOldAppInTheOtherSlotIsAFailedFlashNamingWhatRuns() throws Exception {
        FlashPlan plan = plan(null);
        FlashOutcome o = outcome(plan, verified(plan), ROM + "I (112) boot: Loaded app from partition at offset 0x150000\r\n"
                + appInfo("arduino-lib-builder", "esp-idf: v4.4.6 3572900934", "Oct  4 2023 16:47:06", "c1bbe2fb1edcb1f0") + FIRMWARE);
        assertEquals("wrong_app", o.verdict());
        assertFalse(o.passed());
        assertEquals("the board does not run the app just flashed: it runs the app in app1 (0x150000) "
                + "('arduino-lib-builder' esp-idf: v4.4.6 3572900934, built Oct  4 2023 16:47:06, ELF c1bbe2fb1edcb1f0), not the app "
                + "flashed to app0 (0x10000) ('NES-MEP-UI' 2.0.0, built Mar 28 2024 17:23:27, ELF "
                + plan.expectedApp().orElseThrow().descriptor().orElseThrow().elfSha256Hex().substring(0, 16) + ")", o.explanation());
    }

    @Test
    void anotherIdentityFromTheRightPartitionIsAlsoTheWrongApp() throws Exception {
        FlashPlan plan = plan(null);
        FlashOutcome o = outcome(plan, verified(plan), ROM + appInfo("NES-MEP-UI", "1.9.9", "Mar 28 2024 17:23:27", "0123") + FIRMWARE);
        assertEquals("wrong_app", o.verdict());
    }

    @Test
    void aLogThatNamesNoAppStillStartsAndSaysItCannotTell() throws Exception {
        FlashPlan plan = plan(null);
        FlashOutcome o = outcome(plan, verified(plan), ROM + FIRMWARE);
        assertEquals("started", o.verdict());
        assertTrue(o.explanation().contains("the boot log does not name the running app"), o.explanation());
    }

    @Test
    void settingsJustWrittenThenErasedAtBootFailTheFlash() throws Exception {
        FlashPlan plan = plan(NvsImage.generated(Map.of("wifi_ssid", "lab"), 0x5000));
        FlashOutcome o = outcome(plan, verified(plan), ROM + FIRMWARE.replace("are valid", "initialized"));
        assertEquals("settings_erased", o.verdict());
        assertTrue(o.explanation().contains("erased its whole NVS partition at boot"), o.explanation());
        assertEquals("started", outcome(plan(null), verified(plan(null)), ROM + FIRMWARE.replace("are valid", "initialized")).verdict(),
                "without an NVS write fresh preferences are the board's own business");
    }

    @Test
    void aChipEsptoolCouldNotResetIsNotCalledSilent() throws Exception {
        FlashPlan plan = plan(null);
        EsptoolRun run = verified(plan, new EsptoolEvent.Warning("Warning: Chip was NOT reset. Setting RTS/DTR lines is not supported "
                + "for port '/dev/pts/3'. Set --before and --after arguments to 'no-reset' and switch to bootloader manually to avoid this warning."));
        FlashOutcome o = outcome(plan, run, "");
        assertEquals("not_reset", o.verdict());
        assertTrue(o.explanation().contains("remove the J7 1-2 program jumper and power-cycle"), o.explanation());
        assertEquals("silent", outcome(plan, verified(plan), "").verdict(), "a reset that worked and silence is another story");
    }

    @Test
    void aBlankFlashIsCalledBlank() throws Exception {
        FlashPlan plan = plan(null);
        FlashOutcome o = outcome(plan, verified(plan), ROM + "invalid header: 0xffffffff\r\n".repeat(8) + ROM);
        assertEquals("blank", o.verdict());
        assertTrue(o.explanation().startsWith("the flash is blank where the chip looks for its bootloader or app"), o.explanation());
        assertTrue(o.explanation().endsWith("(invalid header: 0xffffffff)"), o.explanation());
    }
}
