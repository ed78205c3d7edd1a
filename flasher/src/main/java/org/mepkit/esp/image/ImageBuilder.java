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
 * Makes small, valid ESP32 images: an app with an ESP-IDF app descriptor, or a second-stage
 * bootloader. Used by tests (then corrupted on purpose) and by {@code mep demo}. The code in the
 * segments is deterministic filler, not runnable; everything a checker or esptool reads is real.
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
    /** Seed of the filler, so two builds with different seeds differ. */
    public ImageBuilder seed(long value) { this.seed = value; return this; }

    public byte[] build() {
        Random random = new Random(seed);
        List<Seg> segs = new ArrayList<>();
        long entry;
        if (app) {
            byte[] drom = new byte[AppDescriptor.LENGTH + 256];
            random.nextBytes(drom);
            System.arraycopy(descriptor(), 0, drom, 0, AppDescriptor.LENGTH);
            segs.add(new Seg(0x3F400020L, drom));
            segs.add(new Seg(0x3FFB0000L, filler(random, 512)));
            segs.add(new Seg(0x400D0020L, filler(random, codeBytes)));
            entry = 0x40082C54L;
        } else {
            segs.add(new Seg(0x3FFF0030L, filler(random, 256)));
            segs.add(new Seg(0x40078000L, filler(random, codeBytes)));
            segs.add(new Seg(0x40080400L, filler(random, 1024)));
            entry = 0x400805F0L;
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
