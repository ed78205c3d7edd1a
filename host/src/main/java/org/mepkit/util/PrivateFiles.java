package org.mepkit.util;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold secrets (an NVS image with the Wi-Fi password and the MEP key, a flash image holding one):
 * created readable by their owner only (mode 0600) from the moment they exist, never written first and narrowed
 * afterwards (a chmod after the write leaves a window, and the umask may widen nothing but may not narrow
 * enough). On a file system without POSIX permissions the files are created as usual.
 */
public final class PrivateFiles {

    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Writes {@code data} to {@code file} through a new owner-only file beside it, moved over {@code file}: an
     * existing file with wider permissions is replaced, not reused.
     */
    public static void write(Path file, byte[] data) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = posix(dir)
                ? Files.createTempFile(dir, "." + file.getFileName(), ".tmp", ownerOnly())
                : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(tmp, data);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Creates {@code file} empty and owner-only when it does not exist yet (for files written in place later, such
     * as a virtual flash); an existing file is left as it is. Returns whether it was created.
     */
    public static boolean createIfAbsent(Path file) throws IOException {
        try {
            if (posix(file.toAbsolutePath().getParent())) Files.createFile(file, ownerOnly());
            else Files.createFile(file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly() {
        return PosixFilePermissions.asFileAttribute(OWNER_ONLY);
    }

    private static boolean posix(Path dir) {
        return dir != null && Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null
                && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
