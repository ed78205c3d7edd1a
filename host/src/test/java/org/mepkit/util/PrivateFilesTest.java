package org.mepkit.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret-holding files are owner-only from their creation, also when a wider file was there before. */
class PrivateFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileIsOwnerOnlyAndHoldsTheData() throws Exception {
        Path f = dir.resolve("nvs.bin");
        PrivateFiles.write(f, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.count(), "no temporary file left beside it");
        }
    }

    @Test
    void aWorldReadableFileIsReplacedNotReused() throws Exception {
        Path f = dir.resolve("nvs.bin");
        Files.write(f, new byte[] {9});
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.write(f, new byte[] {4});
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(f));
    }

    @Test
    void createIfAbsentMakesAnEmptyOwnerOnlyFileOnce() throws Exception {
        Path f = dir.resolve("flash.bin");
        assertTrue(PrivateFiles.createIfAbsent(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals(0, Files.size(f));
        assertFalse(PrivateFiles.createIfAbsent(f), "an existing file is left alone");
    }
}
