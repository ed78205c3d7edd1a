package org.mepkit.serial.jsc;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mepkit.util.Scratch;

/**
 * Where jSerialComm keeps its native library. On first use it unpacks it into {@code java.io.tmpdir/jSerialComm/}
 * and leaves it there for the next run; mepkit points it at the user's cache folder ({@code $XDG_CACHE_HOME/mepkit},
 * else {@code ~/.cache/mepkit}) for that moment instead, so that no run leaves anything in {@code /tmp}. Where the
 * cache folder cannot be made, jSerialComm does as it always does.
 */
final class JscNative {

    private static final String TMPDIR = "java.io.tmpdir";

    private JscNative() {
    }

    static synchronized void load() {
        Path cache = cacheFolder();
        String tmp = System.getProperty(TMPDIR);
        Scratch.temporaryFolder(); // mepkit's own temporary folder is fixed before the property is borrowed
        try {
            Files.createDirectories(cache);
        } catch (Exception e) {
            SerialPort.getVersion();
            return;
        }
        System.setProperty(TMPDIR, cache.toString());
        try {
            SerialPort.getVersion(); // runs jSerialComm's static initialiser, which unpacks and loads the library
        } finally {
            System.setProperty(TMPDIR, tmp);
        }
    }

    static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("mepkit");
    }
}
