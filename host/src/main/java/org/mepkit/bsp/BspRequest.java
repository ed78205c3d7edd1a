package org.mepkit.bsp;

import java.util.Optional;

import org.mepkit.spec.Board;
import org.mepkit.spec.FlashLayout;
import org.mepkit.spec.SpecVersion;
import org.mepkit.spec.Variant;

/**
 * One export: the board, the firmware-spec it comes from, the assembly variant that is the
 * default of the generated files (empty for a board without variants) and the toolchain.
 */
public record BspRequest(Board board, SpecVersion spec, Optional<Variant> variant, BspTarget target) {

    /**
     * The variant named {@code variantName}, or (when null) the board's recommended one, else
     * its first; empty when the board has none.
     *
     * @throws IllegalArgumentException naming the board's variants when the name is not one of them
     */
    public static Optional<Variant> chooseVariant(Board board, String variantName) {
        if (variantName != null) {
            return Optional.of(board.variant(variantName).orElseThrow(() -> new IllegalArgumentException(
                    "board " + board.name() + " has no variant '" + variantName + "' (it has: "
                            + (board.variants().isEmpty() ? "none" : String.join(", ",
                            board.variants().stream().map(Variant::name).toList())) + ")")));
        }
        return board.variants().stream().filter(Variant::recommended).findFirst()
                .or(() -> board.variants().stream().findFirst());
    }

    public Provenance provenance() {
        return new Provenance(board, spec, target);
    }

    /** The Arduino board id, variant folder and partition scheme name: {@code esp32_mep_v2_00}. */
    public String id() {
        return CName.id(board.name());
    }

    /** The partition the bootloader starts (factory or ota_0): its size is what an app may take. */
    public FlashLayout.Partition bootApp() {
        FlashLayout layout = board.flashLayout();
        return layout.partitions().stream().filter(p -> p.isApp() && p.offset() == layout.appOffset()).findFirst()
                .orElseThrow();
    }

    /** Whether esptool can reset this board into its loader through DTR/RTS (else: program jumper and power cycle). */
    public boolean autoReset() {
        return board.autoReset();
    }

    /** {@code 4MB}, as boards.txt, PlatformIO and esptool write flash sizes. */
    public String flashSizeName() {
        return (board.flashLayout().flashSize() >> 20) + "MB";
    }
}
