package org.mepkit.spec;

import java.util.List;
import java.util.Optional;

/**
 * One board of the board support package: what chip and module it carries, its pins, flash
 * layout, console and meter line, the firmware's settings, its assembly variants and how its
 * firmware is built ({@code build}); {@code url} is where its design (or its firmware) is published.
 * {@code autoReset} is true when the console header carries DTR/RTS to an EN/IO0 auto-reset
 * circuit, so esptool can reset the chip into its loader ({@code default_reset}); false means
 * the program jumper and a power cycle by hand.
 */
public record Board(String name, String title, String chip, String module, Form form, PinMap pinMap,
        FlashLayout flashLayout, long bootloaderOffset, UartLink console, UartLink meterLine, NvsSpec nvs,
        List<Variant> variants, String source, FirmwareBuild build, String url, boolean autoReset) {

    /** How the board is built. */
    public enum Form { THT, SMD, UNDOCUMENTED }

    public Board {
        variants = List.copyOf(variants);
    }

    public Optional<Variant> variant(String variantName) {
        return variants.stream().filter(v -> v.name().equalsIgnoreCase(variantName)).findFirst();
    }

    /** Whether some assembly variant lets the firmware switch the MAX3232's supply (power-cycle recovery). */
    public boolean canPowerCycleMax3232() {
        return variants.stream().anyMatch(Variant::switchable) && pinMap.find(PinMap.MAX3232_POWER).isPresent();
    }
}
