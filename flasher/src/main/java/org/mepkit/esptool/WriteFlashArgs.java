package org.mepkit.esptool;

import java.util.ArrayList;
import java.util.List;

/**
 * The argv of one {@code write_flash} run, spelled for the esptool version at hand (snake_case
 * for v4, kebab-case for v5). Flash mode, frequency and size are always {@code keep}: the images
 * were checked against the board already, and keeping them keeps their SHA-256 valid.
 */
public record WriteFlashArgs(String chip, String port, int baud, BootMode bootMode, int connectAttempts,
                             boolean eraseAll, List<FlashRegion> regions, boolean noStub) {

    public WriteFlashArgs {
        regions = List.copyOf(regions);
        if (regions.isEmpty()) throw new IllegalArgumentException("nothing to flash");
        if (noStub && eraseAll) {
            throw new IllegalArgumentException("--erase-all needs esptool's flasher stub (the ROM loader cannot erase the whole chip)");
        }
    }

    public WriteFlashArgs(String chip, String port, int baud, BootMode bootMode, int connectAttempts, boolean eraseAll,
                          List<FlashRegion> regions) {
        this(chip, port, baud, bootMode, connectAttempts, eraseAll, regions, false);
    }

    public List<String> argv(Esptool esptool) {
        boolean kebab = esptool.version().kebabCase();
        List<String> a = new ArrayList<>(esptool.command());
        a.add("--chip");
        a.add(chip);
        a.add("--port");
        a.add(port);
        a.add("--baud");
        a.add(Integer.toString(baud));
        a.add("--before");
        a.add(spell(bootMode.before(), kebab));
        a.add("--after");
        a.add(spell(bootMode.after(), kebab));
        a.add("--connect-attempts");
        a.add(Integer.toString(connectAttempts));
        if (noStub) a.add("--no-stub");
        a.add(esptool.name("write_flash"));
        for (String opt : List.of("flash_mode", "flash_freq", "flash_size")) {
            a.add("--" + spell(opt, kebab));
            a.add("keep");
        }
        if (eraseAll) a.add("--erase-all");
        for (FlashRegion r : regions) {
            a.add(r.addressHex());
            a.add(r.file().toString());
        }
        return a;
    }

    private static String spell(String snake, boolean kebab) {
        return kebab ? snake.replace('_', '-') : snake;
    }
}
