package org.mepkit.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.board.BoardOptions;
import org.mepkit.board.VirtualBoard;
import org.mepkit.diag.Verdict;
import org.mepkit.sim.max3232.Max3232Profile;

/** A board diagnosis blames the MAX3232 only when the firmware is known to run; otherwise it says what is known. */
class BoardDiagnosisTest {

    @TempDir
    Path dir;

    @Test
    void aBlankBoardGetsNoChipVerdictButTheBlankFlash() throws Exception {
        VirtualBoard board = VirtualBoard.create(new BoardOptions(dir, 20, Max3232Profile.GENUINE, 1, null));
        try (Bench bench = new VirtualBench(board, VirtualBenchFactory.DEFAULT_NVS, "dabbler")) {
            BoardDiagnosis d = BoardDiagnosis.run(bench, 60, t -> { });
            assertEquals(FirmwareEvidence.State.BLANK_FLASH, d.firmware().state(), d.firmware().describe());
            assertEquals(Verdict.DEAD, d.chip().verdict(), "the trials alone would say DEAD");
            assertTrue(d.withheld().startsWith("No MAX3232 verdict: the flash holds no firmware"), d.withheld());
            assertFalse(d.passed());
            assertFalse(d.summary().contains("DEAD"), d.summary());
        }
    }

    @Test
    void aBootLoopingBoardGetsNoChipVerdictButTheBootLoop() throws Exception {
        VirtualBoard board = BootLoopingBoardTest.withAnEsp32C3App(dir);
        try (Bench bench = new VirtualBench(board, VirtualBenchFactory.DEFAULT_NVS, "dabbler")) {
            BoardDiagnosis d = BoardDiagnosis.run(bench, 60, t -> { });
            assertEquals(FirmwareEvidence.State.BOOT_LOOP, d.firmware().state(), d.firmware().describe());
            assertTrue(d.withheld().contains("boot-looping"), d.withheld());
        }
    }

    @Test
    void aRunningBoardWithADeadChipIsBlamedOnTheChip() throws Exception {
        try (Bench bench = VirtualBenchFactory.defaults(Max3232Profile.DEAD, 20, 1).open()) {
            BoardDiagnosis d = BoardDiagnosis.run(bench, 60, t -> { });
            assertTrue(d.firmware().firmwareRuns(), d.firmware().describe());
            assertNull(d.withheld());
            assertEquals(Verdict.DEAD, d.chip().verdict());
        }
    }

    @Test
    void theConsoleTellsBlankFlashBootLoopSilenceAndARunningFirmwareApart() {
        assertEquals(FirmwareEvidence.State.NO_CONSOLE, FirmwareEvidence.of(List.of()).state());
        assertEquals(FirmwareEvidence.State.BLANK_FLASH, FirmwareEvidence.of(List.of("rst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)",
                "invalid header: 0xffffffff", "invalid header: 0xffffffff", "rst:0x10 (RTCWDT_RTC_RESET),boot:0x13")).state());
        assertEquals(FirmwareEvidence.State.CRASHED, FirmwareEvidence.of(List.of("rst:0x1 (POWERON_RESET),boot:0x13",
                "Guru Meditation Error: Core  1 panic'ed (LoadProhibited)")).state());
        assertEquals(FirmwareEvidence.State.RUNNING, FirmwareEvidence.of(List.of("Transmitting request at index 0 (attempt 1)")).state(),
                "a bench without power control joins a board that booted long ago");
    }
}
