package org.mepkit.esptool;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted stand-in for esptool (a bash script shipped in this jar) that prints the real v4 or
 * v5 output formats and fails in the documented ways, without touching a port. Used by tests and
 * by {@code mep perf flash} until a virtual board exists. Needs {@code bash}.
 *
 * <p>Scenarios: {@code ok}, {@code no-serial-data}, {@code wrong-boot-mode}, {@code invalid-head},
 * {@code wrong-chip}, {@code port-missing}, {@code port-busy}, {@code permission},
 * {@code md5-mismatch}, {@code write-failed}, {@code stub-failed}, {@code port-lost}, {@code chip-stopped},
 * {@code no-reset-lines} and {@code no-reset-lines-in-loader} (esptool's "Chip was NOT reset" warning with
 * {@code --before default_reset}, then no answer, or a chip already in its loader).
 */
public final class FakeEsptool {

    public static final List<String> SCENARIOS = List.of("ok", "no-serial-data", "wrong-boot-mode", "invalid-head",
            "wrong-chip", "port-missing", "port-busy", "permission", "md5-mismatch", "write-failed", "stub-failed",
            "port-lost", "chip-stopped", "no-reset-lines", "no-reset-lines-in-loader");

    private final Path executable;
    private final Path argvLog;
    private final EsptoolVersion version;

    private FakeEsptool(Path executable, Path argvLog, EsptoolVersion version) {
        this.executable = executable;
        this.argvLog = argvLog;
        this.version = version;
    }

    /**
     * Installs an executable {@code esptool} in {@code dir} that behaves like {@code version}
     * ("5.3.1" or "4.12.0") in {@code scenario}, sleeping {@code blockDelaySeconds} per 16 KiB block.
     */
    public static FakeEsptool install(Path dir, String version, String scenario, double blockDelaySeconds) {
        if (!SCENARIOS.contains(scenario)) throw new IllegalArgumentException("unknown fake esptool scenario " + scenario);
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve("fake-esptool.sh");
            try (InputStream in = FakeEsptool.class.getResourceAsStream("fake-esptool")) {
                if (in == null) throw new IllegalStateException("fake-esptool script missing from the jar");
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            Path log = dir.resolve("argv.log");
            Files.deleteIfExists(log);
            Path exe = dir.resolve("esptool");
            Files.writeString(exe, "#!/bin/sh\n"
                    + "FAKE_ESPTOOL_VERSION='" + version + "' FAKE_ESPTOOL_SCENARIO='" + scenario + "' "
                    + "FAKE_ESPTOOL_BLOCK_DELAY='" + blockDelaySeconds + "' FAKE_ESPTOOL_LOG='" + log + "' "
                    + "exec bash '" + script + "' \"$@\"\n");
            Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new FakeEsptool(exe, log, EsptoolVersion.parse(version).orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path executable() {
        return executable;
    }

    public Esptool esptool() {
        return new Esptool(List.of(executable.toString()), "fake", version);
    }

    /** Every argv the fake was started with (without the program name), oldest first. */
    public List<List<String>> argvs() {
        List<List<String>> all = new ArrayList<>();
        try {
            if (!Files.exists(argvLog)) return all;
            List<String> current = new ArrayList<>();
            for (String line : Files.readAllLines(argvLog)) {
                if (line.equals("--END--")) {
                    all.add(List.copyOf(current));
                    current.clear();
                } else {
                    current.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }
}
