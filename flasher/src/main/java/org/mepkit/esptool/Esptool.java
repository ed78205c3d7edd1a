package org.mepkit.esptool;

import java.util.List;

/**
 * A runnable esptool: the command prefix (a path, or {@code python3 -m esptool}), where it was
 * found, and its version.
 */
public record Esptool(List<String> command, String foundVia, EsptoolVersion version) {

    public Esptool {
        command = List.copyOf(command);
    }

    /** {@code write_flash} on v4, {@code write-flash} on v5. */
    public String name(String snakeCase) {
        return version.kebabCase() ? snakeCase.replace('_', '-') : snakeCase;
    }

    public String describe() {
        return "esptool " + version + " (" + String.join(" ", command) + ", found via " + foundVia + ")";
    }
}
