package org.mepkit.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders this program made. */
public final class Folders {

    private Folders() {
    }

    /** Deletes {@code dir} and everything in it, as far as it can; a leftover temp folder is harmless. */
    public static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // the OS cleans its temp folder
        }
    }
}
