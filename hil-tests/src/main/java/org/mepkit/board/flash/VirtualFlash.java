package org.mepkit.board.flash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The board's SPI NOR flash: 4 MB by default, kept in a file so it survives restarts like real flash, or
 * in memory. Like NOR flash, erasing sets whole 4 KiB sectors to 0xFF and writing can only clear bits
 * (the stored byte becomes {@code old & new}), so writing without erasing first shows up as corruption,
 * exactly as on a chip.
 */
public final class VirtualFlash implements AutoCloseable {

    public static final int DEFAULT_SIZE = 4 * 1024 * 1024;
    public static final int SECTOR = 0x1000;

    private final int size;
    // a RandomAccessFile, not a FileChannel: a channel is closed for good when a thread using it is interrupted,
    // and the board boots (reads its flash) on the caller's thread, which Ctrl-C interrupts
    private final RandomAccessFile file;   // null when in memory
    private final byte[] memory;      // null when file backed
    private final Path path;

    private VirtualFlash(int size, RandomAccessFile file, byte[] memory, Path path) {
        this.size = size;
        this.file = file;
        this.memory = memory;
        this.path = path;
    }

    /** An erased in-memory flash of {@code size} bytes (a multiple of the sector size). */
    public static VirtualFlash inMemory(int size) {
        checkSize(size);
        byte[] m = new byte[size];
        Arrays.fill(m, (byte) 0xFF);
        return new VirtualFlash(size, null, m, null);
    }

    /**
     * Opens the flash kept in {@code path}, creating an erased one of {@link #DEFAULT_SIZE} when the file
     * does not exist.
     *
     * @throws IllegalArgumentException when an existing file is not a valid flash size
     */
    public static VirtualFlash open(Path path) {
        return open(path, DEFAULT_SIZE);
    }

    public static VirtualFlash open(Path path, int sizeIfNew) {
        checkSize(sizeIfNew);
        try {
            boolean fresh = org.mepkit.util.PrivateFiles.createIfAbsent(path); // provisioned, it holds the NVS secrets
            RandomAccessFile ch = new RandomAccessFile(path.toFile(), "rw");
            long existing = ch.length();
            if (fresh || existing == 0) {
                byte[] erased = new byte[SECTOR];
                Arrays.fill(erased, (byte) 0xFF);
                ch.seek(0);
                for (long pos = 0; pos < sizeIfNew; pos += SECTOR) ch.write(erased);
                ch.getFD().sync();
                return new VirtualFlash(sizeIfNew, ch, null, path);
            }
            if (existing % SECTOR != 0 || existing > Integer.MAX_VALUE) {
                ch.close();
                throw new IllegalArgumentException("flash file " + path + " has " + existing
                        + " bytes, not a whole number of 4 KiB sectors");
            }
            return new VirtualFlash((int) existing, ch, null, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open flash file " + path + ": " + e.getMessage(), e);
        }
    }

    public int size() {
        return size;
    }

    /** The backing file, when there is one. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    public synchronized byte[] read(int offset, int length) {
        checkRange(offset, length);
        if (memory != null) return Arrays.copyOfRange(memory, offset, offset + length);
        byte[] b = new byte[length];
        try {
            file.seek(offset);
            file.readFully(b);
        } catch (IOException e) {
            throw new UncheckedIOException("flash read at " + offset + " failed: " + e.getMessage(), e);
        }
        return b;
    }

    /** Programs bytes: each stored byte becomes {@code old & data} (NOR flash only clears bits). */
    public synchronized void write(int offset, byte[] data) {
        checkRange(offset, data.length);
        byte[] old = read(offset, data.length);
        for (int i = 0; i < data.length; i++) old[i] &= data[i];
        store(offset, old);
    }

    /** Erases the sectors covering {@code [offset, offset+length)} to 0xFF; the range must be sector aligned. */
    public synchronized void erase(int offset, int length) {
        if (offset % SECTOR != 0 || length % SECTOR != 0) {
            throw new IllegalArgumentException(String.format(
                    "erase of 0x%x+0x%x is not aligned to 4 KiB sectors", offset, length));
        }
        checkRange(offset, length);
        byte[] ff = new byte[length];
        Arrays.fill(ff, (byte) 0xFF);
        store(offset, ff);
    }

    /** Erases every sector touched by {@code [offset, offset+length)} (rounding out to sector bounds). */
    public synchronized void eraseCovering(int offset, int length) {
        if (length <= 0) return;
        int start = offset - Math.floorMod(offset, SECTOR);
        long end = ((long) offset + length + SECTOR - 1) / SECTOR * SECTOR;
        erase(start, (int) (Math.min(end, size) - start));
    }

    public synchronized void eraseAll() {
        erase(0, size);
    }

    /** MD5 of a region, as the ROM's and the stub's SPI_FLASH_MD5 compute it. */
    public byte[] md5(int offset, int length) {
        try {
            return MessageDigest.getInstance("MD5").digest(read(offset, length));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing from the JDK", e);
        }
    }

    /** Forces file-backed contents to disk. */
    public synchronized void flush() {
        if (file == null) return;
        try {
            file.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException("flash flush failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (file == null) return;
        try {
            if (!file.getFD().valid()) return;
            file.getFD().sync();
            file.close();
        } catch (IOException e) {
            throw new UncheckedIOException("flash close failed: " + e.getMessage(), e);
        }
    }

    private void store(int offset, byte[] bytes) {
        if (memory != null) {
            System.arraycopy(bytes, 0, memory, offset, bytes.length);
            return;
        }
        try {
            file.seek(offset);
            file.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("flash write at " + offset + " failed: " + e.getMessage(), e);
        }
    }

    private void checkRange(int offset, int length) {
        if (offset < 0 || length < 0 || (long) offset + length > size) {
            throw new IndexOutOfBoundsException(String.format(
                    "flash range 0x%x+0x%x outside the %d-byte flash", offset, length, size));
        }
    }

    private static void checkSize(int size) {
        if (size <= 0 || size % SECTOR != 0) {
            throw new IllegalArgumentException("flash size must be a positive multiple of 4 KiB: " + size);
        }
    }
}
