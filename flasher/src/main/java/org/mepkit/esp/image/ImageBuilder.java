package org.mepkit.esp.image;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.mepkit.esp.chip.ChipRegistry;
import org.mepkit.esp.chip.ChipTarget;

/**
 * Makes valid ESP32 or ESP32-C3 images laid out as esptool's elf2image lays out an Arduino build: an
 * app (DROM segment with the ESP-IDF app descriptor first, a DRAM segment sized so that the IROM
 * segment lands where the MMU can map it, then IROM) or a second-stage bootloader (RAM segments only).
 * Used by tests (then corrupted on purpose), {@code mep demo} and the flashing benchmarks. The code in
 * the segments is deterministic filler, not runnable; everything a checker or esptool reads is real.
 */
public final class ImageBuilder {

    private record Seg(long address, byte[] data) {
    }

    private final boolean app;
    private ChipTarget chip = ChipRegistry.ESP32;
    private FlashMode mode = FlashMode.DIO;
    private FlashSize size = FlashSize.MB_4;
    private FlashFreq freq = FlashFreq.MHZ_80;
    private boolean hashAppended = true;
    private String projectName = "NES-MEP-UI";
    private String version = "1.0.0";
    private String idfVersion = "v4.4.6-dirty";
    private String compileDate = "Mar 28 2024";
    private String compileTime = "17:23:27";
    private int codeBytes = 4096;
    private double compressibility;
    private long seed = 1;

    private ImageBuilder(boolean app) {
        this.app = app;
    }

    /** An app image (flashed to an app partition) with an app descriptor. */
    public static ImageBuilder app() {
        return new ImageBuilder(true);
    }

    /** A second-stage bootloader image (flashed at the chip's bootloader offset). */
    public static ImageBuilder bootloader() {
        return new ImageBuilder(false).codeBytes(2048);
    }

    public ImageBuilder chip(ChipTarget value) { this.chip = value; return this; }
    public ImageBuilder flashMode(FlashMode value) { this.mode = value; return this; }
    public ImageBuilder flashSize(FlashSize value) { this.size = value; return this; }
    public ImageBuilder flashFreq(FlashFreq value) { this.freq = value; return this; }
    public ImageBuilder hashAppended(boolean value) { this.hashAppended = value; return this; }
    public ImageBuilder projectName(String value) { this.projectName = value; return this; }
    public ImageBuilder version(String value) { this.version = value; return this; }
    public ImageBuilder idfVersion(String value) { this.idfVersion = value; return this; }
    public ImageBuilder compileDate(String value) { this.compileDate = value; return this; }
    public ImageBuilder compileTime(String value) { this.compileTime = value; return this; }
    /** Size of the filler code segment (rounded up to 4); sets the image size. */
    public ImageBuilder codeBytes(int value) { this.codeBytes = value; return this; }
    /**
     * Share of the code filler deflate can squeeze out (0 = random bytes, the default; about 0.35 is what
     * the upstream Arduino app gives: 912336 bytes compress to 589259).
     */
    public ImageBuilder compressibility(double value) { this.compressibility = value; return this; }
    /** Seed of the filler, so two builds with different seeds differ. */
    public ImageBuilder seed(long value) { this.seed = value; return this; }

    public byte[] build() {
        Random random = new Random(seed);
        List<Seg> segs = new ArrayList<>();
        long entry;
        Layout at = chip.imageChipId() == ChipRegistry.ESP32_C3.imageChipId() ? Layout.ESP32_C3 : Layout.ESP32;
        if (app) {
            byte[] drom = new byte[AppDescriptor.LENGTH + 256];
            random.nextBytes(drom);
            System.arraycopy(descriptor(), 0, drom, 0, AppDescriptor.LENGTH);
            segs.add(new Seg(at.drom, drom));
            // the DRAM segment fills the gap up to where IROM's data must start: same offset in its 64 KiB page
            int afterDrom = ImageHeader.LENGTH + 8 + drom.length;
            long iromData = (at.irom % ChipTarget.MMU_PAGE) + ChipTarget.MMU_PAGE;
            while (iromData - 8 - (afterDrom + 8) < 256) iromData += ChipTarget.MMU_PAGE;
            segs.add(new Seg(at.dram, filler(random, (int) (iromData - 8 - (afterDrom + 8)))));
            segs.add(new Seg(at.irom, code(random, codeBytes)));
            entry = at.appEntry;
        } else {
            segs.add(new Seg(at.bootloaderDram, filler(random, 256)));
            segs.add(new Seg(at.bootloaderIram, code(random, codeBytes)));
            segs.add(new Seg(at.bootloaderIram2, filler(random, 1024)));
            entry = at.bootloaderEntry;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(ImageHeader.LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        h.put((byte) ImageHeader.MAGIC).put((byte) segs.size()).put((byte) mode.code())
                .put((byte) (size.code() << 4 | freq.code())).putInt((int) entry);
        h.put((byte) 0xEE).put(new byte[3]).putShort((short) chip.imageChipId()).put((byte) 0)
                .putShort((short) 0).putShort((short) 0xFFFF).put(new byte[4]).put((byte) (hashAppended ? 1 : 0));
        out.writeBytes(h.array());
        int checksum = 0xEF;
        for (Seg s : segs) {
            ByteBuffer sh = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            sh.putInt((int) s.address()).putInt(s.data().length);
            out.writeBytes(sh.array());
            out.writeBytes(s.data());
            for (byte b : s.data()) checksum ^= b;
        }
        int checksumAt = ImageReader.checksumOffset(out.size());
        while (out.size() < checksumAt) out.write(0);
        out.write(checksum & 0xFF);
        byte[] body = out.toByteArray();
        if (hashAppended) {
            out.writeBytes(ImageReader.sha256(body, 0, body.length));
        }
        return out.toByteArray();
    }

    /** Where each chip's segments load (the upstream Arduino builds' addresses, board-firmware-behaviour §10). */
    private enum Layout {
        ESP32(0x3F400020L, 0x3FFBDB60L, 0x400D0020L, 0x40082C54L, 0x3FFF0030L, 0x40078000L, 0x40080400L, 0x400805F0L),
        ESP32_C3(0x3C0B0020L, 0x3FC8E400L, 0x42000020L, 0x40382524L, 0x3FCD5810L, 0x403CC710L, 0x403CE710L, 0x403CC710L);

        final long drom;
        final long dram;
        final long irom;
        final long appEntry;
        final long bootloaderDram;
        final long bootloaderIram;
        final long bootloaderIram2;
        final long bootloaderEntry;

        Layout(long drom, long dram, long irom, long appEntry, long bootloaderDram, long bootloaderIram,
               long bootloaderIram2, long bootloaderEntry) {
            this.drom = drom;
            this.dram = dram;
            this.irom = irom;
            this.appEntry = appEntry;
            this.bootloaderDram = bootloaderDram;
            this.bootloaderIram = bootloaderIram;
            this.bootloaderIram2 = bootloaderIram2;
            this.bootloaderEntry = bootloaderEntry;
        }
    }

    /** Code filler: random, or with {@link #compressibility} a share of 16-byte runs repeating earlier ones. */
    private byte[] code(Random random, int length) {
        byte[] data = filler(random, length);
        if (compressibility <= 0) return data;
        for (int at = 64; at + 16 <= data.length; at += 16) {
            if (random.nextDouble() < compressibility * 1.2) {
                System.arraycopy(data, at - 16 * (1 + random.nextInt(Math.min(at / 16, 64))), data, at, 16);
            }
        }
        return data;
    }

    private static byte[] filler(Random random, int length) {
        byte[] data = new byte[(length + 3) / 4 * 4];
        random.nextBytes(data);
        return data;
    }

    private byte[] descriptor() {
        ByteBuffer d = ByteBuffer.allocate(AppDescriptor.LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        d.putInt((int) AppDescriptor.MAGIC).putInt(0);
        put(d, AppDescriptor.VERSION_AT, version, 32);
        put(d, AppDescriptor.PROJECT_AT, projectName, 32);
        put(d, AppDescriptor.TIME_AT, compileTime, 16);
        put(d, AppDescriptor.DATE_AT, compileDate, 16);
        put(d, AppDescriptor.IDF_AT, idfVersion, 32);
        byte[] elfSha = ImageReader.sha256((projectName + version).getBytes(StandardCharsets.UTF_8), 0,
                (projectName + version).getBytes(StandardCharsets.UTF_8).length);
        d.position(AppDescriptor.ELF_SHA_AT);
        d.put(elfSha);
        d.putShort((short) 0).putShort((short) 0xFFFF).put((byte) 16);
        return d.array();
    }

    private static void put(ByteBuffer d, int at, String text, int max) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length >= max) {
            throw new IllegalArgumentException("'" + text + "' is longer than " + (max - 1) + " bytes");
        }
        d.position(at);
        d.put(bytes);
    }
}
