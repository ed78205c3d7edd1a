package org.mepkit.esptool;

import java.util.List;

/**
 * A runnable esptool: the command prefix (a path, or {@code python3 -m esptool}), where it was
 * found, its version, and whether that version came from mep's cache rather than from asking it.
 */
public record Esptool(List<String> command, String foundVia, EsptoolVersion version, boolean versionCached) {

    public Esptool {
        command = List.copyOf(command);
    }

    public Esptool(List<String> command, String foundVia, EsptoolVersion version) {
        this(command, foundVia, version, false);
    }

    /** {@code write_flash} on v4, {@code write-flash} on v5. */
    public String name(String snakeCase) {
        return version.kebabCase() ? snakeCase.replace('_', '-') : snakeCase;
    }

    public String describe() {
        return "esptool " + version + " (" + String.join(" ", command) + ", found via " + foundVia + ")";
    }
}
