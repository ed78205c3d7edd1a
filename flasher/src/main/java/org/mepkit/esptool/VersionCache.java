package org.mepkit.esptool;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The versions of esptools already asked, so {@code mep flash} does not start esptool once more (about 0.1-0.2 s
 * of Python start-up) only to read its version. A version is kept per program file, keyed by its real path, size
 * and modification time: installing another esptool over it (pip, the Arduino core) changes the key. A command
 * whose program is not a file of its own ({@code python3 -m esptool}) is never cached. If a cached version turns out
 * wrong (esptool's banner says otherwise) the caller {@link #forget}s it.
 */
public final class VersionCache {

    private final Path file;

    public VersionCache(Path file) {
        this.file = file;
    }

    /** {@code $XDG_CACHE_HOME/mepkit/esptool-versions}, else {@code ~/.cache/mepkit/esptool-versions}. */
    public static VersionCache forUser(java.util.Map<String, String> env, Path home) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return new VersionCache(base.resolve("mepkit").resolve("esptool-versions"));
    }

    /** A cache that keeps nothing. */
    public static VersionCache none() {
        return new VersionCache(null);
    }

    public Optional<EsptoolVersion> get(List<String> command) {
        Optional<String> key = key(command);
        if (key.isEmpty()) return Optional.empty();
        String v = load().getProperty(key.get());
        return v == null ? Optional.empty() : EsptoolVersion.parse(v);
    }

    public void put(List<String> command, EsptoolVersion version) {
        Optional<String> key = key(command);
        if (key.isEmpty()) return;
        Properties p = load();
        p.setProperty(key.get(), version.toString());
        store(p);
    }

    public void forget(List<String> command) {
        Optional<String> key = key(command);
        if (key.isEmpty()) return;
        Properties p = load();
        if (p.remove(key.get()) != null) store(p);
    }

    /** The command's last element as a file: real path, size and mtime; empty when it is not a file. */
    static Optional<String> key(List<String> command) {
        if (command.isEmpty()) return Optional.empty();
        Path program = Path.of(command.get(command.size() - 1));
        try {
            Path real = program.toRealPath();
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class);
            if (!a.isRegularFile()) return Optional.empty();
            String interpreter = command.size() > 1 ? String.join(" ", command.subList(0, command.size() - 1)) + " " : "";
            return Optional.of(interpreter + real + "|" + a.size() + "|" + a.lastModifiedTime().toMillis());
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (file == null || !Files.isRegularFile(file)) return p;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            return new Properties();   // a damaged cache is an empty one
        }
        return p;
    }

    private void store(Properties p) {
        if (file == null) return;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "esptool-versions", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "esptool versions mep has read (key: program, size, mtime)");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a cache that cannot be written only costs the next run a version probe
        }
    }
}
