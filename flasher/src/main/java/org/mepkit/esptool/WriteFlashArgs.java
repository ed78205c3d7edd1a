package org.mepkit.esptool;

import java.util.ArrayList;
import java.util.List;

import org.mepkit.serial.PortNotFoundException;
import org.mepkit.serial.PortSpec;

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
        a.add(esptoolPort(port));
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

    /**
     * The port as esptool (pyserial) must be given it: an {@code rfc2217://} port gets {@code ?ign_set_control},
     * because an exporter that cannot set DTR/RTS (ser2net in front of a pty or a bare adapter) never acknowledges
     * SET-CONTROL and pyserial would wait for it; paths and {@code socket://} go as they are.
     */
    static String esptoolPort(String port) {
        try {
            return PortSpec.parse(port) instanceof PortSpec.Rfc2217 r ? r.pyserialUrl() : port;
        } catch (PortNotFoundException e) {
            return port; // not a URL mepkit can read: esptool reports it in its own words
        }
    }

    private static String spell(String snake, boolean kebab) {
        return kebab ? snake.replace('_', '-') : snake;
    }
}
