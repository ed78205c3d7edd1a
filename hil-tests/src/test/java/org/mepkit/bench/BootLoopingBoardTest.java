package org.mepkit.bench;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mepkit.board.BoardImages;
import org.mepkit.board.BoardOptions;
import org.mepkit.board.VirtualBoard;
import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.image.ImageBuilder;
import org.mepkit.sim.max3232.Max3232Profile;

/** A board flashed with an image for the wrong chip: a failed boot with a clear message, bounded, no hang. */
class BootLoopingBoardTest {

    @TempDir
    Path dir;

    /** A provisioned board whose app partition holds an app built for the ESP32-C3: it boot-loops. */
    static VirtualBoard withAnEsp32C3App(Path dir) throws Exception {
        VirtualBoard board = VirtualBoard.create(new BoardOptions(dir, 20, Max3232Profile.GENUINE, 1, null));
        BoardImages.provision(board.flash(), "dabbler", VirtualBenchFactory.DEFAULT_NVS);
        byte[] c3 = ImageBuilder.app().chip(ChipRegistry.ESP32_C3).projectName("dabbler").build();
        board.flash().eraseCovering(BoardImages.APP0, c3.length);
        board.flash().write(BoardImages.APP0, c3);
        return board;
    }

    @Test
    void anImageForTheEsp32C3MakesTheBootFailWithTheBootLoopReason() throws Exception {
        VirtualBoard board = withAnEsp32C3App(dir);
        Bench bench = new VirtualBench(board, VirtualBenchFactory.DEFAULT_NVS, "dabbler");
        try (BenchSession s = new BenchSession(bench, "wrong-chip")) {
            long t0 = System.nanoTime();
            AssertionError e = assertThrows(AssertionError.class, s::boot);
            assertTrue(e.getMessage().startsWith("the board is boot-looping: "), e.getMessage());
            assertTrue((System.nanoTime() - t0) / 1_000_000L < 5_000, "bounded");
        }
    }
}
