package org.mepkit.flasher.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.mepkit.cli.ExitCodes;
import org.mepkit.cli.MepException;
import org.mepkit.util.PrivateFiles;

/** File reading with one-line user errors. */
final class CliFiles {

    private CliFiles() {
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "no such file: " + file);
        } catch (IOException e) {
            throw new MepException(ExitCodes.BAD_INPUT, "cannot read " + file + ": " + e.getMessage());
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
