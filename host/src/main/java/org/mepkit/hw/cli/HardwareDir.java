package org.mepkit.hw.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;

/** Finds the repository's {@code hardware/} folder: the given one, or the nearest above the working directory. */
final class HardwareDir {

    private HardwareDir() {
    }

    static Path resolve(Path given) {
        if (given != null) {
            if (!Files.isRegularFile(given.resolve("variants.json"))) {
                throw new MepException(ExitCodes.BAD_INPUT, given + " is not a mepkit hardware folder (no variants.json)");
            }
            return given.toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("hardware/variants.json"))) return p.resolve("hardware");
        }
        throw new MepException(ExitCodes.BAD_INPUT, "no hardware/ folder found above " + Path.of("").toAbsolutePath()
                + " (use --hardware DIR)");
    }
}
