package org.mepkit.serial;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A bench's claim on a port for a whole run, so that one board is never driven by two benches at once: a lock
 * file per port ({@link PortSpec#identity()}, so a by-id link and its tty, or two spellings of one URL, are one
 * port) in a folder every mepkit on this machine uses. Taking it never waits: a port another bench holds is a
 * {@link PortBusyException} naming that bench, its PID and since when.
 *
 * <p>Only benches on this machine see each other's locks. Across machines, the exporter is the guard: ser2net
 * (without {@code kickolduser}) refuses a second client with "Port already in use".
 */
public final class PortLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private PortLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * {@code /run/lock/mepkit} (the system's folder for device locks, emptied at boot, writable by all on Debian),
     * or {@code $TMPDIR/mepkit-port-locks} where there is none: the one folder every mepkit on the machine uses.
     */
    public static Path defaultDirectory() {
        Path runLock = Path.of("/run/lock");
        if (Files.isDirectory(runLock) && Files.isWritable(runLock)) return runLock.resolve("mepkit");
        return Path.of(System.getProperty("java.io.tmpdir"), "mepkit-port-locks");
    }

    /**
     * Locks every port or none.
     *
     * @param holder who holds them, for the message another bench gets (e.g. {@code bench 'lab-1'})
     * @throws PortBusyException when one is held already
     */
    public static List<PortLock> acquireAll(Path dir, List<String> ports, String holder) throws SerialException {
        List<PortLock> held = new ArrayList<>();
        try {
            for (String port : ports) held.add(acquire(dir, port, holder));
            return held;
        } catch (SerialException | RuntimeException e) {
            held.forEach(PortLock::close);
            throw e;
        }
    }

    public static PortLock acquire(Path dir, String port, String holder) throws SerialException {
        PortSpec spec = PortSpec.parse(port);
        Path file = dir.resolve(spec.identity().replaceAll("[^A-Za-z0-9._-]", "_") + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this program holds it already
            }
            if (lock == null) {
                String by = Files.readString(file).strip();
                channel.close();
                throw new PortBusyException(port + ": in use by " + (by.isEmpty() ? "another bench" : by)
                        + " (a board is benched by one bench at a time)");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((holder + " (pid " + ProcessHandle.current().pid() + ", since "
                    + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + ")\n").getBytes(StandardCharsets.UTF_8)), 0);
            return new PortLock(channel, lock);
        } catch (IOException e) {
            if (e instanceof SerialException s) throw s;
            closeQuietly(channel);
            throw new SerialException(port + ": cannot take the port's lock in " + dir + " (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
