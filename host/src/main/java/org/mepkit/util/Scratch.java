package org.mepkit.util;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run's private working folder: {@code $TMPDIR/mepkit-PURPOSE-PID-RANDOM}, mode 0700, removed with everything in
 * it when the run closes it, when the process ends otherwise (Ctrl-C, SIGTERM, {@code System.exit}: a shutdown
 * hook), and, for a process that was killed (SIGKILL runs no hook), by the next mepkit that makes one: a folder
 * whose PID is no longer running is swept then. Files holding secrets (an NVS image) may go in here and nowhere
 * else that is temporary.
 */
public final class Scratch implements AutoCloseable {

    private static final String PREFIX = "mepkit-";
    /** PURPOSE is letters and dashes, so the first digits after a dash are the PID. */
    private static final Pattern NAME = Pattern.compile("mepkit-[a-z][a-z-]*?-(\\d+)-\\d+");
    private static final Set<Scratch> OPEN = ConcurrentHashMap.newKeySet();
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();
    /** Read once: a library may borrow the property for a moment (see {@code JscNative}). */
    private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

    private final Path dir;

    private Scratch(Path dir) {
        this.dir = dir;
    }

    /** A new folder in {@code java.io.tmpdir}; {@code purpose} names it ({@code flash}, {@code bench}, ...). */
    public static Scratch create(String purpose) throws IOException {
        return create(TMP, purpose);
    }

    /** The folder the working folders go in: {@code java.io.tmpdir} as it was when mepkit started using it. */
    public static Path temporaryFolder() {
        return TMP;
    }

    static Scratch create(Path tmp, String purpose) throws IOException {
        if (!purpose.matches("[a-z][a-z-]*")) throw new IllegalArgumentException("purpose: letters and dashes, got " + purpose);
        if (SWEPT.add(tmp.toAbsolutePath())) sweep(tmp);
        ExitCleanup.install();
        Scratch s = new Scratch(Files.createTempDirectory(tmp, PREFIX + purpose + "-" + ProcessHandle.current().pid() + "-"));
        OPEN.add(s);
        return s;
    }

    public Path dir() {
        return dir;
    }

    /** Removes the folder and everything in it. */
    @Override
    public void close() {
        OPEN.remove(this);
        Folders.deleteTree(dir);
    }

    /** Removes every folder still open: the shutdown hook's part. */
    static void closeAll() {
        for (Scratch s : OPEN.toArray(new Scratch[0])) s.close();
    }

    /** Removes the folders of mepkit runs that no longer run (killed), ours only: other users' are not ours to judge. */
    static int sweep(Path tmp) {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            String me = System.getProperty("user.name");
            for (Path p : entries) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches() || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                long pid = Long.parseLong(m.group(1));
                if (pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).isPresent()) continue;
                try {
                    if (!Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName().equals(me)) continue;
                } catch (NoSuchFileException gone) {
                    continue;
                }
                Folders.deleteTree(p);
                removed++;
            }
        } catch (IOException e) {
            // an unreadable temp folder: nothing of ours to sweep there
        }
        return removed;
    }
}
