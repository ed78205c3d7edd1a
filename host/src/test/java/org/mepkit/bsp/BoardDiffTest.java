package org.mepkit.bsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mepkit.spec.Board;
import org.mepkit.spec.BoardRegistry;

class BoardDiffTest {

    private final BoardRegistry registry = BoardRegistry.load();

    private List<BoardDiff.Difference> diff(String a, String b) {
        return BoardDiff.between(registry.require(a), registry.require(b));
    }

    private BoardDiff.Difference item(List<BoardDiff.Difference> diffs, String item) {
        return diffs.stream().filter(d -> d.item().equals(item)).findFirst()
                .orElseThrow(() -> new AssertionError("no difference '" + item + "' in " + diffs));
    }

    @Test
    void aBoardDoesNotDifferFromItself() {
        for (Board b : registry.boards()) assertEquals(List.of(), BoardDiff.between(b, b), b.name());
    }

    @Test
    void theThroughHoleAndSurfaceMountRevisionsDifferOnlyInForm() {
        assertEquals(List.of(new BoardDiff.Difference("board", "form", "THT", "SMD", null)),
                diff("esp32-mep-v1.10", "esp32-mep-v2.00"));
    }

    @Test
    void portingToTheC3ListsEveryPinThatMovesWithItsMacro() {
        List<BoardDiff.Difference> d = diff("esp32-mep-v2.00", "ustepper-esp32c3-v1.00");
        assertEquals(new BoardDiff.Difference("pins", "MEP_RX", "GPIO16", "GPIO6", "MEP_PIN_MEP_RX"), item(d, "MEP_RX"));
        assertEquals(new BoardDiff.Difference("pins", "MAX3232_POWER", "GPIO32", "-", "MEP_PIN_MAX3232_POWER"), item(d, "MAX3232_POWER"));
        assertEquals(new BoardDiff.Difference("variants", "R4", "MAX3232 from GPIO32, switchable, recommended", "-",
                "MEP_BSP_VARIANT_R4"), item(d, "R4"));
        assertEquals(new BoardDiff.Difference("variants", "MAX3232 power cycle possible", "yes", "no",
                BoardHeader.SWITCHED), item(d, "MAX3232 power cycle possible"));
        assertEquals("software UART", item(d, "meter line uart").b());
        assertEquals(new BoardDiff.Difference("build", "cpu clock", "240 MHz", "160 MHz", null), item(d, "cpu clock"));
        assertEquals("0x0", item(d, "bootloader offset").b());
        assertTrue(d.stream().noneMatch(x -> x.section().equals("layout")), "both ship the same 4 MB table: " + d);
    }
}
