package org.mepkit.esp.chip;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mepkit.spec.BoardRegistry;
import org.mepkit.spec.UnknownBoardException;

/** The chips an image header can name, and the boards mepkit knows. Keyed by name. */
public final class ChipRegistry {

    /**
     * The ESP32 (WROOM-32 modules). Memory map as esptool v5.3.1's ESP32 target names it; DROM and IROM
     * are the flash windows of the MMU.
     */
    public static final ChipTarget ESP32 = new ChipTarget("ESP32", "esp32", 0, 0x1000, List.of(
            region(0x00000000L, 0x00010000L, "PADDING"),
            region(0x3F400000L, 0x3F800000L, "DROM"),
            region(0x3F800000L, 0x3FC00000L, "EXTRAM_DATA"),
            region(0x3FF80000L, 0x3FF82000L, "RTC_DRAM"),
            region(0x3FF90000L, 0x40000000L, "BYTE_ACCESSIBLE"),
            region(0x3FFAE000L, 0x40000000L, "DRAM"),
            region(0x3FFE0000L, 0x3FFFFFFCL, "DIRAM_DRAM"),
            region(0x40000000L, 0x40070000L, "IROM"),
            region(0x40070000L, 0x40078000L, "CACHE_PRO"),
            region(0x40078000L, 0x40080000L, "CACHE_APP"),
            region(0x40080000L, 0x400A0000L, "IRAM"),
            region(0x400A0000L, 0x400BFFFCL, "DIRAM_IRAM"),
            region(0x400C0000L, 0x400C2000L, "RTC_IRAM"),
            region(0x400D0000L, 0x40400000L, "IROM"),
            region(0x50000000L, 0x50002000L, "RTC_DATA")),
            region(0x3F400000L, 0x3F800000L, "DROM"), region(0x400D0000L, 0x40400000L, "IROM"));

    /** The ESP32-C3 (uStepper board's ESP32-C3-MINI-1), memory map as esptool v5.3.1's ESP32-C3 target names it. */
    public static final ChipTarget ESP32_C3 = new ChipTarget("ESP32-C3", "esp32c3", 5, 0x0, List.of(
            region(0x00000000L, 0x00010000L, "PADDING"),
            region(0x3C000000L, 0x3C800000L, "DROM"),
            region(0x3FC80000L, 0x3FCE0000L, "DRAM"),
            region(0x3FC88000L, 0x3FD00000L, "BYTE_ACCESSIBLE"),
            region(0x3FF00000L, 0x3FF20000L, "DROM_MASK"),
            region(0x40000000L, 0x40060000L, "IROM_MASK"),
            region(0x42000000L, 0x42800000L, "IROM"),
            region(0x4037C000L, 0x403E0000L, "IRAM"),
            region(0x50000000L, 0x50002000L, "RTC_IRAM"),
            region(0x50000000L, 0x50002000L, "RTC_DRAM"),
            region(0x600FE000L, 0x60100000L, "MEM_INTERNAL2")),
            region(0x3C000000L, 0x3C800000L, "DROM"), region(0x42000000L, 0x42800000L, "IROM"));

    // chips no ESP32-MEP board carries: known by name, so an image built for one is named in the refusal
    public static final ChipTarget ESP32_S2 = ChipTarget.named("ESP32-S2", "esp32s2", 2, 0x1000);
    public static final ChipTarget ESP32_S3 = ChipTarget.named("ESP32-S3", "esp32s3", 9, 0x0);
    public static final ChipTarget ESP32_C2 = ChipTarget.named("ESP32-C2", "esp32c2", 12, 0x0);
    public static final ChipTarget ESP32_C6 = ChipTarget.named("ESP32-C6", "esp32c6", 13, 0x0);
    public static final ChipTarget ESP32_H2 = ChipTarget.named("ESP32-H2", "esp32h2", 16, 0x0);
    public static final ChipTarget ESP32_P4 = ChipTarget.named("ESP32-P4", "esp32p4", 18, 0x2000);

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

    private static MemoryRegion region(long start, long end, String type) {
        return new MemoryRegion(start, end, type);
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
                .orElseThrow(() -> new UnknownBoardException(name, registry.names()));
    }

    public static Optional<ChipTarget> byEsptoolName(String esptoolName) {
        return CHIPS.stream().filter(c -> c.esptoolName().equals(esptoolName)).findFirst();
    }
}
