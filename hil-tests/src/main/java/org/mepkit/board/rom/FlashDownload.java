package org.mepkit.board.rom;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.mepkit.board.flash.VirtualFlash;

/**
 * One FLASH_BEGIN or FLASH_DEFL_BEGIN download in progress: where blocks go, and for compressed downloads the
 * zlib stream that spans all FLASH_DEFL_DATA blocks.
 */
final class FlashDownload {

    /** What went wrong with a block, mapped to ROM or stub error codes by the caller. */
    enum Fault { OUT_OF_RANGE, INFLATE, TOO_MUCH_DATA }

    static final class BlockException extends Exception {
        final Fault fault;

        BlockException(Fault fault, String message) {
            super(message);
            this.fault = fault;
        }
    }

    private final VirtualFlash flash;
    private final int offset;
    private final int size;
    private final int blockSize;
    private final Inflater inflater;   // null for plain writes
    private int inflated;
    private boolean corrupt;

    private FlashDownload(VirtualFlash flash, int offset, int size, int blockSize, boolean compressed) {
        this.flash = flash;
        this.offset = offset;
        this.size = size;
        this.blockSize = blockSize;
        this.inflater = compressed ? new Inflater() : null;
    }

    /** Starts a download and erases the sectors it covers (the ROM erases up front). */
    static FlashDownload begin(VirtualFlash flash, int offset, int eraseSize, int blockSize, boolean compressed)
            throws BlockException {
        if (offset < 0 || eraseSize < 0 || (long) offset + eraseSize > flash.size()) {
            throw new BlockException(Fault.OUT_OF_RANGE, String.format("region 0x%x+0x%x outside flash", offset, eraseSize));
        }
        flash.eraseCovering(offset, eraseSize);
        return new FlashDownload(flash, offset, eraseSize, blockSize, compressed);
    }

    /** When set, the first byte of every write lands wrong (a fault for MD5-mismatch tests). */
    void corruptWrites(boolean on) {
        corrupt = on;
    }

    private void program(int at, byte[] data) {
        if (corrupt && data.length > 0) {
            data = data.clone();
            // NOR programming can only clear bits: clear bit 0 if it should be 1, else leave the byte erased
            data[0] = (data[0] & 1) != 0 ? (byte) (data[0] & 0xFE) : (byte) 0xFF;
        }
        flash.write(at, data);
    }

    boolean compressed() {
        return inflater != null;
    }

    /** Writes an uncompressed block at offset + seq × block size. */
    void writeBlock(int seq, byte[] data) throws BlockException {
        long at = (long) offset + (long) seq * blockSize;
        if (seq < 0 || at + data.length > flash.size()) {
            throw new BlockException(Fault.OUT_OF_RANGE, String.format("block %d at 0x%x outside flash", seq, at));
        }
        program((int) at, data);
    }

    /** Feeds the next slice of the zlib stream and writes what it inflates to. */
    void inflateBlock(byte[] compressed) throws BlockException {
        inflater.setInput(compressed);
        byte[] out = new byte[64 * 1024];
        try {
            while (!inflater.needsInput() && !inflater.finished()) {
                int n = inflater.inflate(out);
                if (n == 0 && (inflater.needsDictionary() || inflater.needsInput())) break;
                if (inflated + n > size) {
                    throw new BlockException(Fault.TOO_MUCH_DATA, "compressed data inflates past " + size + " bytes");
                }
                if ((long) offset + inflated + n > flash.size()) {
                    throw new BlockException(Fault.OUT_OF_RANGE, "inflated data runs past the end of flash");
                }
                program(offset + inflated, Arrays.copyOf(out, n));
                inflated += n;
            }
        } catch (DataFormatException e) {
            throw new BlockException(Fault.INFLATE, "zlib stream corrupt: " + e.getMessage());
        }
    }

    int inflatedBytes() {
        return inflated;
    }

    void close() {
        if (inflater != null) inflater.end();
    }
}
