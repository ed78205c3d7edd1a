package org.mepkit.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FirmwareBuildTest {

    private final BoardRegistry registry = BoardRegistry.load();

    @Test
    void esp32BoardsBuildLikeTheShippedImagesDio80MHzOnA240MHzXtensa() {
        for (Board board : registry.boards()) {
            if (!board.chip().equals("esp32")) continue;
            FirmwareBuild build = board.build();
            assertEquals("esp32", build.chip(), board.name());
            assertEquals("xtensa", build.arch());
            assertEquals(240, build.cpuMHz());
            assertEquals("dio", build.flashMode());
            assertEquals(80, build.flashFreqMHz());
            assertEquals(460800, build.uploadBaud());
        }
    }

    @Test
    void theC3BuildIsRiscVAt160MHz() {
        FirmwareBuild c3 = registry.require("ustepper-esp32c3-v1.00").build();
        assertEquals("esp32c3", c3.chip());
        assertEquals("riscv32", c3.arch());
        assertEquals(160, c3.cpuMHz());
    }

    @Test
    void everyBoardsBuildIsForItsOwnChipAndNamesTheSixWireAndSpiPins() {
        for (Board board : registry.boards()) {
            assertEquals(board.chip(), board.build().chip(), board.name());
            assertEquals(java.util.Set.of("SDA", "SCL", "SS", "MOSI", "MISO", "SCK"),
                    board.build().peripheralDefaults().keySet(), board.name());
        }
        assertEquals(Map.of("SDA", 21, "SCL", 22, "SS", 5, "MOSI", 23, "MISO", 19, "SCK", 18),
                registry.require("esp32-mep-v2.00").build().peripheralDefaults());
    }

    @Test
    void eachBoardCarriesTheReleaseAndADigestOfItsOwnData() {
        SpecVersion v110 = registry.version(registry.require("esp32-mep-v1.10"));
        SpecVersion v200 = registry.version(registry.require("esp32-mep-v2.00"));
        assertTrue(v200.boardDigest().matches("[0-9a-f]{64}"), v200.boardDigest());
        assertNotEquals(v110.boardDigest(), v200.boardDigest(), "the boards.json entries differ");
        assertEquals(v200, BoardRegistry.load().version(BoardRegistry.load().require("esp32-mep-v2.00")),
                "the same data gives the same digest");
        assertTrue(v200.version().matches("\\d+\\.\\d+\\.\\d+.*"), "Maven filled in the release: " + v200.version());
        assertEquals("firmware-spec " + v200.version() + " (board data sha256:" + v200.boardDigest().substring(0, 12) + ")",
                v200.describe());
    }
}
