package org.mepkit.flasher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.util.PrivateFiles;
import org.mepkit.util.UserFiles;

/** File reading with one-line user errors. */
final class CliFiles {

    private CliFiles() {
    }

    /** An image (flash, NVS), at most 16 MB. */
    static byte[] read(Path file) {
        return read(file, UserFiles.IMAGE_LIMIT, "flash image");
    }

    /** A file of {@code what} named by the user, refused when larger than {@code limit} before it is parsed. */
    static byte[] read(Path file, int limit, String what) {
        try {
            return UserFiles.read(file, limit, what);
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, e.getMessage());
        }
    }

    /** Writes a file that holds secrets (an NVS image): owner-only from its creation ({@link PrivateFiles}). */
    static void writePrivate(Path file, byte[] data) {
        try {
            PrivateFiles.write(file, data);
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot write " + file + ": " + e.getMessage());
        }
    }
}
