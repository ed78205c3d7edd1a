package org.mepkit.board.rom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.zip.Deflater;
import org.mepkit.esp.rom.Esp32Rom;
import org.mepkit.esp.rom.LoaderProtocolException;
import org.mepkit.esp.rom.LoaderRequest;
import org.mepkit.esp.rom.LoaderRequests;
import org.mepkit.esp.rom.LoaderResponse;
import org.mepkit.esp.rom.Slip;
import org.mepkit.esp.rom.SlipDecoder;
import org.mepkit.esp.rom.StatusLayout;
import org.mepkit.serial.SerialLine;
import org.mepkit.time.Deadline;
import org.mepkit.time.SystemTicker;

/**
 * Test-only loader client that talks the way esptool does (esp32-flashing.md §5–6): sync with 8 replies, chip
 * detection, eFuse MAC, SPI flash id through SPI0 registers, stub upload, plain and compressed writes, MD5,
 * erase, read. Every wait is bounded.
 */
final class RomClient {

    /** A response whose status says failure; {@code code} is what esptool prints after "result was". */
    static final class LoaderFailure extends IOException {
        final int errorCode;

        LoaderFailure(String what, int errorCode) {
            super(String.format("%s failed (error 0x%02X)", what, errorCode));
            this.errorCode = errorCode;
        }
    }

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration SYNC_TIMEOUT = Duration.ofMillis(100);

    private final SerialLine line;
    private final SlipDecoder decoder = new SlipDecoder();
    private final Deque<byte[]> frames = new ArrayDeque<>();
    private final byte[] buffer = new byte[16 * 1024];
    private StatusLayout layout = StatusLayout.ROM;

    RomClient(SerialLine line) {
        this.line = line;
    }

    StatusLayout layout() {
        return layout;
    }

    long strayBytes() {
        return decoder.strayBytes();
    }

    /** The next SLIP frame, or an IOException when none arrives in time. */
    byte[] readFrame(Duration timeout) throws IOException {
        Deadline deadline = SystemTicker.INSTANCE.deadlineAfter(timeout);
        while (frames.isEmpty()) {
            if (deadline.expired()) throw new IOException("timeout: no frame within " + timeout.toMillis() + " ms");
            int n = line.read(buffer, 0, buffer.length, deadline.remaining().isZero() ? Duration.ofMillis(1) : deadline.remaining());
            if (n > 0) frames.addAll(decoder.feed(buffer, 0, n));
        }
        return frames.poll();
    }

    void send(LoaderRequest request) throws IOException {
        line.write(Slip.encode(request.encode()));
    }

    void sendRaw(byte[] framePayload) throws IOException {
        line.write(Slip.encode(framePayload));
    }

    /** Sends and waits for the response with the same command id, skipping up to 100 others (as esptool). */
    LoaderResponse command(LoaderRequest request, Duration timeout) throws IOException {
        send(request);
        for (int i = 0; i < 100; i++) {
            byte[] f = readFrame(timeout);
            try {
                LoaderResponse r = LoaderResponse.decode(f);
                if (r.command() == request.command()) return r;
            } catch (LoaderProtocolException e) {
                // not a response: esptool ignores it too
            }
        }
        throw new IOException("no response to " + request);
    }

    /** {@link #command} that also requires a success status; returns the response. */
    LoaderResponse check(String what, LoaderRequest request, Duration timeout) throws IOException {
        LoaderResponse r = command(request, timeout);
        if (r.data().length < layout.length()) throw new IOException(what + ": response shorter than its status");
        if (!r.succeeded(layout)) throw new LoaderFailure(what, layout.errorCode(r.status(layout)));
        return r;
    }

    LoaderResponse check(String what, LoaderRequest request) throws IOException {
        return check(what, request, DEFAULT_TIMEOUT);
    }

    /** One sync try; on success reads the 7 extra replies (ROM and stub both send 8) and returns the sync value. */
    int sync() throws IOException {
        LoaderResponse first = command(LoaderRequests.sync(), SYNC_TIMEOUT);
        for (int i = 0; i < 7; i++) readFrame(RomClient.DEFAULT_TIMEOUT);
        return first.value();
    }

    /** Up to {@code tries} syncs; returns the number of tries it took. */
    int connect(int tries) throws IOException {
        IOException last = null;
        for (int i = 1; i <= tries; i++) {
            try {
                sync();
                return i;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IOException("Failed to connect: " + (last == null ? "no tries" : last.getMessage()));
    }

    int readReg(int address) throws IOException {
        return check("read register", LoaderRequests.readReg(address)).value();
    }

    void writeReg(int address, int value) throws IOException {
        check("write register", LoaderRequests.writeReg(address, value, 0xFFFFFFFF, 0));
    }

    /** esptool's read_mac for ESP32: words 2 and 1 big-endian, first two bytes dropped. */
    byte[] readMac() throws IOException {
        int w2 = readReg(Esp32Rom.EFUSE_RD_BASE + 8);
        int w1 = readReg(Esp32Rom.EFUSE_RD_BASE + 4);
        byte[] both = ByteBuffer.allocate(8).putInt(w2).putInt(w1).array();
        return Arrays.copyOfRange(both, 2, 8);
    }

    /** Major revision from the three revision bits (0→0, 1→1, 3→2, 7→3), as esptool computes it. */
    int majorRevision() throws IOException {
        int b0 = (readReg(Esp32Rom.EFUSE_RD_BASE + 12) >>> 15) & 1;
        int b1 = (readReg(Esp32Rom.EFUSE_RD_BASE + 20) >>> 20) & 1;
        int b2 = (readReg(Esp32Rom.APB_CTL_DATE) >>> 31) & 1;
        int combined = b2 << 2 | b1 << 1 | b0;
        return switch (combined) {
            case 1 -> 1;
            case 3 -> 2;
            case 7 -> 3;
            default -> 0;
        };
    }

    /** The SPI "user command" sequence esptool runs for RDID; returns the 24-bit answer from W0. */
    int spiFlashCommand(int command, int readBits) throws IOException {
        int oldUsr = readReg(Esp32Rom.SPI_USR);
        int oldUsr2 = readReg(Esp32Rom.SPI_USR2);
        writeReg(Esp32Rom.SPI_MOSI_DLEN, 0);
        writeReg(Esp32Rom.SPI_MISO_DLEN, readBits - 1);
        writeReg(Esp32Rom.SPI_USR, (1 << 31) | (1 << 28));
        writeReg(Esp32Rom.SPI_USR2, (7 << 28) | command);
        writeReg(Esp32Rom.SPI_W0, 0);
        writeReg(Esp32Rom.SPI_CMD, Esp32Rom.SPI_CMD_USR);
        Deadline done = SystemTicker.INSTANCE.deadlineAfter(Duration.ofSeconds(1));
        while ((readReg(Esp32Rom.SPI_CMD) & Esp32Rom.SPI_CMD_USR) != 0) {
            if (done.expired()) throw new IOException("SPI command 0x" + Integer.toHexString(command) + " never finished");
        }
        int result = readReg(Esp32Rom.SPI_W0);
        writeReg(Esp32Rom.SPI_USR, oldUsr);
        writeReg(Esp32Rom.SPI_USR2, oldUsr2);
        return result;
    }

    /** Uploads a fake stub (text and data segments) and waits for OHAI; afterwards statuses are 2 bytes. */
    void runStub(byte[] text, byte[] data, int entry) throws IOException {
        uploadToRam(text, 0x40080000);
        uploadToRam(data, 0x3FFE0000);
        try {
            command(LoaderRequests.memEnd(entry), Duration.ofMillis(200));   // the ROM may not answer
        } catch (IOException timeout) {
            // esptool tolerates a silent ROM here
        }
        byte[] greeting = readFrame(DEFAULT_TIMEOUT);
        if (!Arrays.equals(greeting, Esp32Rom.STUB_GREETING)) {
            throw new IOException("Failed to start stub. Unexpected response: " + HexFormat.of().formatHex(greeting));
        }
        layout = StatusLayout.STUB;
    }

    private void uploadToRam(byte[] segment, int address) throws IOException {
        int blocks = (segment.length + Esp32Rom.RAM_BLOCK - 1) / Esp32Rom.RAM_BLOCK;
        check("enter RAM download mode", LoaderRequests.memBegin(segment.length, blocks, Esp32Rom.RAM_BLOCK, address));
        for (int seq = 0; seq < blocks; seq++) {
            int from = seq * Esp32Rom.RAM_BLOCK;
            byte[] block = Arrays.copyOfRange(segment, from, Math.min(segment.length, from + Esp32Rom.RAM_BLOCK));
            check("write to target RAM", LoaderRequests.memData(block, seq));
        }
    }

    void spiAttach() throws IOException {
        check("configure SPI flash pins", LoaderRequests.spiAttach(layout == StatusLayout.ROM));
    }

    void spiSetParams(int totalSize) throws IOException {
        check("set SPI params", LoaderRequests.spiSetParams(totalSize));
    }

    void changeBaud(int newBaud, int oldBaud) throws IOException {
        check("change baud rate", LoaderRequests.changeBaudrate(newBaud, layout == StatusLayout.ROM ? 0 : oldBaud));
    }

    /** Uncompressed write: FLASH_BEGIN then 0xFF-padded blocks (1 KiB to the ROM, 16 KiB to the stub). */
    void writeFlash(int offset, byte[] image) throws IOException {
        boolean rom = layout == StatusLayout.ROM;
        int blockSize = rom ? Esp32Rom.ROM_FLASH_BLOCK : Esp32Rom.STUB_FLASH_BLOCK;
        int blocks = (image.length + blockSize - 1) / blockSize;
        check("enter flash download mode", LoaderRequests.flashBegin(image.length, blocks, blockSize, offset, !rom));
        for (int seq = 0; seq < blocks; seq++) {
            byte[] block = new byte[blockSize];
            Arrays.fill(block, (byte) 0xFF);
            int from = seq * blockSize;
            System.arraycopy(image, from, block, 0, Math.min(blockSize, image.length - from));
            check("write to target flash after seq " + seq, LoaderRequests.flashData(block, seq));
        }
    }

    /** Compressed write: zlib level 9 of the whole image, sliced into blocks; returns the compressed size. */
    int writeFlashDeflated(int offset, byte[] image) throws IOException {
        boolean rom = layout == StatusLayout.ROM;
        byte[] z = deflate(image);
        int blockSize = rom ? Esp32Rom.ROM_FLASH_BLOCK : Esp32Rom.STUB_FLASH_BLOCK;
        int blocks = (z.length + blockSize - 1) / blockSize;
        int eraseBlocks = (image.length + blockSize - 1) / blockSize;
        int size = rom ? eraseBlocks * blockSize : image.length;
        check("enter compressed flash mode", LoaderRequests.flashDeflBegin(size, blocks, blockSize, offset, !rom));
        for (int seq = 0; seq < blocks; seq++) {
            byte[] block = Arrays.copyOfRange(z, seq * blockSize, Math.min(z.length, (seq + 1) * blockSize));
            check("write compressed data to flash after seq " + seq, LoaderRequests.flashDeflData(block, seq));
        }
        return z.length;
    }

    void flashDeflEnd(boolean stay) throws IOException {
        check("leave compressed flash mode", LoaderRequests.flashDeflEnd(stay));
    }

    void flashEnd(boolean stay) throws IOException {
        check("leave flash mode", LoaderRequests.flashEnd(stay));
    }

    /** SPI_FLASH_MD5 as lowercase hex: the ROM answers 32 hex characters, the stub 16 raw bytes. */
    String flashMd5(int offset, int size) throws IOException {
        byte[] payload = check("calculate md5", LoaderRequests.spiFlashMd5(offset, size), Duration.ofSeconds(8)).payload(layout);
        return layout == StatusLayout.ROM ? new String(payload, StandardCharsets.US_ASCII) : HexFormat.of().formatHex(payload);
    }

    void eraseRegion(int offset, int size) throws IOException {
        check("erase region", LoaderRequests.eraseRegion(offset, size), Duration.ofSeconds(30));
    }

    void eraseFlash() throws IOException {
        check("erase flash", LoaderRequests.eraseFlash(), Duration.ofSeconds(120));
    }

    /** ROM READ_FLASH_SLOW, 64 bytes at a time. */
    byte[] readFlashSlow(int offset, int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < length) {
            int n = Math.min(64, length - out.size());
            byte[] d = check("read flash block", LoaderRequests.readFlashSlow(offset + out.size(), n)).payload(layout);
            if (d.length < n) throw new IOException("short read flash block: " + d.length);
            out.write(d, 0, n);
        }
        return out.toByteArray();
    }

    /** Stub READ_FLASH: data frames acked with the running total, then a 16-byte MD5 frame that must match. */
    byte[] readFlash(int offset, int length) throws IOException {
        check("read flash", LoaderRequests.readFlash(offset, length, Esp32Rom.SECTOR, 64));
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        while (data.size() < length) {
            byte[] p = readFrame(DEFAULT_TIMEOUT);
            data.write(p, 0, p.length);
            if (data.size() < length && p.length < Esp32Rom.SECTOR) {
                throw new IOException("Corrupt data, expected 0x1000 bytes but received 0x" + Integer.toHexString(p.length));
            }
            sendRaw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.size()).array());
        }
        byte[] digest = readFrame(DEFAULT_TIMEOUT);
        byte[] result = data.toByteArray();
        try {
            if (!Arrays.equals(digest, java.security.MessageDigest.getInstance("MD5").digest(result))) {
                throw new IOException("Digest mismatch reading flash");
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(9);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return out.toByteArray();
    }
}
