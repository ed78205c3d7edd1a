package org.mepkit.esp.chip;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mepkit.spec.Board;
import org.mepkit.spec.BoardRegistry;

/** The chips an image header can name, and the boards mepkit knows. Keyed by name. */
public final class ChipRegistry {

    public static final ChipTarget ESP32 = new ChipTarget("ESP32", "esp32", 0, 0x1000);
    public static final ChipTarget ESP32_S2 = new ChipTarget("ESP32-S2", "esp32s2", 2, 0x1000);
    public static final ChipTarget ESP32_C3 = new ChipTarget("ESP32-C3", "esp32c3", 5, 0x0);
    public static final ChipTarget ESP32_S3 = new ChipTarget("ESP32-S3", "esp32s3", 9, 0x0);
    public static final ChipTarget ESP32_C2 = new ChipTarget("ESP32-C2", "esp32c2", 12, 0x0);
    public static final ChipTarget ESP32_C6 = new ChipTarget("ESP32-C6", "esp32c6", 13, 0x0);
    public static final ChipTarget ESP32_H2 = new ChipTarget("ESP32-H2", "esp32h2", 16, 0x0);
    public static final ChipTarget ESP32_P4 = new ChipTarget("ESP32-P4", "esp32p4", 18, 0x2000);

    public static final List<ChipTarget> CHIPS =
            List.of(ESP32, ESP32_S2, ESP32_C3, ESP32_S3, ESP32_C2, ESP32_C6, ESP32_H2, ESP32_P4);

    private static final long MB = 1024 * 1024;

    /** The dabbler.dk board (v1.10 THT, v2.00 SMD) with an ESP32-WROOM-32; firmware built for 4 MB. */
    public static final BoardTarget ESP32_MEP = new BoardTarget("esp32-mep", ESP32, 4 * MB);
    /** The uStepper variant with an ESP32-C3-MINI-1. */
    public static final BoardTarget ESP32_MEP_C3 = new BoardTarget("esp32-mep-c3", ESP32_C3, 4 * MB);

    public static final List<BoardTarget> BOARDS = List.of(ESP32_MEP, ESP32_MEP_C3);

    private ChipRegistry() {
    }

    public static Optional<ChipTarget> byImageChipId(int id) {
        return CHIPS.stream().filter(c -> c.imageChipId() == id).findFirst();
    }

    /** Display name for an image chip id, including ids mepkit does not know. */
    public static String chipName(int id) {
        return byImageChipId(id).map(ChipTarget::name).orElse("unknown chip id " + id);
    }

    /**
     * The board with this name: {@code esp32-mep}, {@code esp32-mep-c3}, or any board of
     * firmware-spec's registry ({@code esp32-mep-v1.10}, {@code esp32-mep-v2.00},
     * {@code esp32-mep-v2.10}, {@code ustepper-esp32c3-v1.00}); a clear error listing the known names otherwise.
     */
    public static BoardTarget board(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        Optional<BoardTarget> shortName = BOARDS.stream().filter(b -> b.name().equals(wanted)).findFirst();
        if (shortName.isPresent()) return shortName.get();
        BoardRegistry registry = BoardRegistry.load();
        return registry.find(wanted).flatMap(b -> byEsptoolName(b.chip())
                        .map(chip -> new BoardTarget(b.name(), chip, b.flashLayout().flashSize(), b.autoReset())))
                .orElseThrow(() -> new IllegalArgumentException("unknown board '" + name + "' (known: "
                        + String.join(", ", BOARDS.stream().map(BoardTarget::name).toList()) + ", "
                        + String.join(", ", registry.boards().stream().map(Board::name).toList()) + ")"));
    }

    public static Optional<ChipTarget> byEsptoolName(String esptoolName) {
        return CHIPS.stream().filter(c -> c.esptoolName().equals(esptoolName)).findFirst();
    }
}
