package org.mepkit.util;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Files a user names (a bench config, a settings file, a key file, an image): read only when they are no larger than
 * what such a file can be, checked before a byte is parsed, so a wrong file (a 10 MB log, {@code /dev/zero}) is
 * refused at once instead of parsed for half a minute. Failures are {@link IOException}s whose message is
 * {@code FILE: CAUSE} in words.
 */
public final class UserFiles {

    /** A bench or farm config, a settings file: a few KB even for a farm of hundreds of boards. */
    public static final int CONFIG_LIMIT = 1 << 20;
    /** A file holding one key or password on its first line. */
    public static final int SECRET_LIMIT = 4096;
    /** A flash image: no ESP32 flash is larger. */
    public static final int IMAGE_LIMIT = 16 << 20;

    private UserFiles() {
    }

    public static byte[] read(Path file, int limit, String what) throws IOException {
        if (Files.isDirectory(file)) throw new IOException(file + ": a folder, not a " + what);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] data = in.readNBytes(limit + 1); // a device or pipe has no size: read one byte past the limit
            if (data.length > limit) {
                throw new IOException(file + ": larger than " + describe(limit) + ", more than a " + what + " can be");
            }
            return data;
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException(file + ": permission denied", e);
        }
    }

    private static String describe(long n) {
        if (n >= 1 << 20 && n % (1 << 20) == 0) return (n >> 20) + " MiB";
        if (n >= 1 << 10 && n % (1 << 10) == 0) return (n >> 10) + " KiB";
        return n + " bytes";
    }
}
